import {
  abortReason,
  apiKeyEnvSchema,
  apiKeyHeaderSchema,
  apiKeyHeaders,
  type BackendRequest,
  type BackendResponse,
  type CallRecorder,
  defineBackend,
  MAX_STRING_LENGTH,
  NetworkError,
  networkErrorCode,
  openCallRecorder,
  parseJsonOrText,
  redact,
  validateAnalysisResponse,
  z,
} from 'faultline';
import { Pool } from 'undici';
import { checkTransportSecurity } from './transport-security.ts';

/** Plugin options are bounded like the scenario around them (issue 12): the bound is named when passed. */
const LONG_STRING = `must be at most ${MAX_STRING_LENGTH} characters (MAX_STRING_LENGTH)`;

const optionsSchema = z.strictObject({
  /** Base URL of the API; request paths are appended to its path. */
  url: z.url({ protocol: /^https?$/ }).max(MAX_STRING_LENGTH, LONG_STRING),
  /** `analysis` checks each response against the argument-analysis API's shapes; `any` accepts any JSON. */
  api: z.enum(['analysis', 'any']).default('analysis'),
  /** Name of the environment variable holding the API key (never the key itself). */
  apiKeyEnv: apiKeyEnvSchema.optional(),
  /** How the key is sent: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
  apiKeyHeader: apiKeyHeaderSchema,
  /** Keep-alive connections kept open to the API. */
  connections: z.number().int().min(1).max(1024).default(64),
  /** Write every call to this HAR 1.2 file (relative to the scenario), secrets redacted, for `faultline fit`. */
  record: z.string().min(1).max(MAX_STRING_LENGTH, LONG_STRING).optional(),
});

/** Calls a real REST API over keep-alive connections; cancellation (timeouts) comes from the call's signal. */
export default defineBackend({
  name: 'http',
  description: 'a real HTTP API, called with undici over keep-alive connections',
  options: optionsSchema,
  async create(options, ctx) {
    const base = new URL(options.url);
    checkTransportSecurity(base, ctx.allowInsecureHttp === true);
    const authHeaders = apiKeyHeaders(
      'http',
      options.apiKeyEnv,
      options.apiKeyHeader,
      'HTTP_API_KEY_MISSING',
    );
    const basePath = base.pathname.replace(/\/+$/, '');
    const pool = new Pool(base.origin, { connections: options.connections, keepAliveTimeout: 10_000 });
    const shownOrigin = redact(base.origin);
    let closing: Promise<void> | undefined;
    const recorder: CallRecorder | undefined = options.record
      ? await openCallRecorder(options.record, ctx.baseDir, ctx.clock)
      : undefined;

    return {
      name: 'http',
      async call(request: BackendRequest, call): Promise<BackendResponse> {
        const hasBody = request.body !== undefined && request.method !== 'GET';
        const headers: Record<string, string> = { accept: 'application/json', ...authHeaders };
        if (hasBody) headers['content-type'] = 'application/json';
        const body = hasBody ? JSON.stringify(request.body) : null;
        const startedMs = call.clock.now();
        const note = (facts: Partial<RecordedCallResult>) =>
          recorder?.record({
            method: request.method,
            url: new URL(basePath + request.path, base.origin),
            requestHeaders: headers,
            requestBytes: body === null ? 0 : Buffer.byteLength(body),
            startedMs,
            endedMs: call.clock.now(),
            ...facts,
          });
        try {
          const response = await pool.request({
            method: request.method,
            path: basePath + request.path,
            headers,
            body,
            signal: call.signal,
          });
          const headersMs = call.clock.now();
          // Reading the whole body is what frees the connection for reuse; undici destroys it on abort or error.
          const text = await response.body.text();
          const responseHeaders = flattenHeaders(response.headers);
          note({
            headersMs,
            status: response.statusCode,
            responseHeaders,
            responseBytes: Buffer.byteLength(text),
          });
          return { status: response.statusCode, headers: responseHeaders, body: parseJsonOrText(text) };
        } catch (error) {
          if (call.signal.aborted) {
            note({ error: 'aborted' });
            throw abortReason(call.signal);
          }
          const code = networkErrorCode(error);
          note({ error: code ?? 'UNKNOWN' });
          if (!code) throw error;
          throw new NetworkError(code, `network error ${code} calling ${shownOrigin}${redact(request.path)}`);
        }
      },
      validate:
        options.api === 'analysis'
          ? (request, body) => validateAnalysisResponse(request.path, body)
          : undefined,
      close() {
        closing ??= Promise.all([pool.close(), recorder?.close()]).then(() => undefined);
        return closing;
      },
    };
  },
});

type RecordedCallResult = Pick<
  Parameters<CallRecorder['record']>[0],
  'headersMs' | 'status' | 'responseHeaders' | 'responseBytes' | 'error'
>;

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
