import { FaultlineError } from '../errors/faultline-error.ts';
import { isLoopbackHost } from '../http/address-class.ts';

/** Longest --otlp-endpoint accepted. */
export const MAX_OTLP_URL_LENGTH = 2048;

/**
 * `--otlp-endpoint URL`: an OTLP/HTTP traces URL, https:// or plain http:// to this machine (elsewhere
 * only with --allow-insecure-http, as for backends). Credentials belong in OTEL_EXPORTER_OTLP_HEADERS
 * (the exporter reads it), never in the URL, which is printed.
 */
export function parseOtlpEndpoint(text: string, allowInsecureHttp: boolean): string {
  const refuse = (why: string) => new FaultlineError('USAGE', `--otlp-endpoint ${why}`);
  if (text.length > MAX_OTLP_URL_LENGTH) {
    throw refuse(`is over ${MAX_OTLP_URL_LENGTH} characters (MAX_OTLP_URL_LENGTH); give a shorter URL`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse(`${text.slice(0, 80)} is not a URL; write e.g. http://127.0.0.1:4318/v1/traces`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse(
      `${url.protocol} is not http: or https:; OTLP/HTTP needs e.g. https://collector:4318/v1/traces`,
    );
  }
  if (url.username || url.password) {
    throw refuse('has credentials in it; put them in OTEL_EXPORTER_OTLP_HEADERS instead');
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw refuse(
      `refuses plain http:// to ${url.host}, which is not a loopback address; use https://, or pass --allow-insecure-http`,
    );
  }
  return url.toString();
}
