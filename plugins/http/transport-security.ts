import { isLoopbackHost, PluginError } from 'faultline';

/**
 * Plain http:// is allowed to this machine only: elsewhere the API key and the texts sent for analysis
 * would cross the network readable by anyone on the path.
 */
export function checkTransportSecurity(url: URL, allowInsecureHttp: boolean): void {
  if (url.protocol === 'https:' || allowInsecureHttp || isLoopbackHost(url.hostname)) return;
  throw new PluginError(
    'HTTP_INSECURE_URL',
    `http plugin: refusing plain http:// to ${url.host}, which is not a loopback address: the API key and ` +
      'request bodies would travel unencrypted. Use an https:// URL, or pass --allow-insecure-http to accept the risk.',
  );
}
