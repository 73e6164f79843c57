import { PluginError } from '../../src/errors/faultline-error.ts';
import { isLoopbackHost } from '../../src/http/address-class.ts';

/**
 * Plain-text gRPC is allowed to this machine only: elsewhere the metadata key and the texts sent for
 * analysis would cross the network readable by anyone on the path.
 */
export function checkGrpcTransport(url: URL, allowInsecure: boolean): void {
  if (url.protocol === 'grpcs:' || allowInsecure || isLoopbackHost(url.hostname)) return;
  throw new PluginError(
    'GRPC_INSECURE_URL',
    `grpc plugin: refusing plain-text grpc:// to ${url.host}, which is not a loopback address: the metadata key ` +
      'and request bodies would travel unencrypted. Use a grpcs:// URL (TLS), or pass --allow-insecure-http to accept the risk.',
  );
}
