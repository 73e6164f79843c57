import { PluginError } from '../../src/errors/faultline-error.ts';
import { isLoopbackHost } from '../../src/http/address-class.ts';

/** Plain ws:// is allowed to this machine only, for the same reason as plain http:// in the http plugin. */
export function checkWebSocketTransport(url: URL, allowInsecure: boolean): void {
  if (url.protocol === 'wss:' || allowInsecure || isLoopbackHost(url.hostname)) return;
  throw new PluginError(
    'WS_INSECURE_URL',
    `websocket plugin: refusing plain ws:// to ${url.host}, which is not a loopback address: the API key and ` +
      'messages would travel unencrypted. Use a wss:// URL, or pass --allow-insecure-http to accept the risk.',
  );
}
