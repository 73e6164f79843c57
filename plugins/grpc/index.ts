import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Client,
  type ClientUnaryCall,
  credentials,
  status as grpcStatus,
  Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import { validateAnalysisResponse } from '../../src/analysis/router.ts';
import { ANALYSIS_ENDPOINTS, type AnalysisEndpoint } from '../../src/backend/contract.ts';
import { abortReason } from '../../src/clock/clock.ts';
import { NetworkError } from '../../src/errors/call-errors.ts';
import { GrpcStatusError } from '../../src/errors/grpc-status-error.ts';
import { type AnalysisReplyMessage, analysisService, RPC_BY_ROUTE } from '../../src/grpc/service.ts';
import {
  type ApiKeyHeader,
  apiKeyEnvSchema,
  apiKeyHeaderSchema,
  apiKeyHeaders,
  type BackendRequest,
  type BackendResponse,
  defineBackend,
  MAX_STRING_LENGTH,
  parseJsonOrText,
  z,
} from '../../src/index.ts';
import {
  GRPC_PUSHBACK_KEY,
  type GrpcCodeName,
  STATUS_BY_GRPC_CODE,
} from '../../src/protocols/fault-mapping.ts';
import { durationSchema } from '../../src/util/duration.ts';
import { checkGrpcTransport } from './transport-security.ts';

/** Plugin options are bounded like the scenario around them (issue 12): the bound is named when passed. */
const LONG_STRING = `must be at most ${MAX_STRING_LENGTH} characters (MAX_STRING_LENGTH)`;

const optionsSchema = z.strictObject({
  /** `grpc://host:port` (plain text, loopback only) or `grpcs://host:port` (TLS). */
  url: z.url({ protocol: /^grpcs?$/ }).max(MAX_STRING_LENGTH, LONG_STRING),
  /** Name of the environment variable holding the API key (never the key itself). */
  apiKeyEnv: apiKeyEnvSchema.optional(),
  /** Metadata the key is sent in: `authorization: Bearer <key>` or `x-api-key: <key>`. */
  apiKeyMetadata: apiKeyHeaderSchema,
  /** PEM file of the CA to trust for grpcs:// (the system roots when absent); relative to the scenario. */
  caFile: z.string().min(1).max(MAX_STRING_LENGTH, LONG_STRING).optional(),
  /** Longest a call may take even without a timeout policy; the policy's timeout cancels sooner. */
  deadline: durationSchema
    .refine((ms) => ms > 0 && ms <= 600_000, 'between 1 ms and 10 minutes')
    .default(60_000),
});

type UnaryMethod = (
  request: object,
  metadata: Metadata,
  options: object,
  callback: (error: ServiceError | null, reply?: AnalysisReplyMessage) => void,
) => ClientUnaryCall;

const CODE_NAMES = new Map<number, GrpcCodeName>(
  Object.entries(grpcStatus).flatMap(([name, code]) =>
    typeof code === 'number' ? [[code, name as GrpcCodeName]] : [],
  ),
);

/**
 * Calls a real gRPC analysis service (src/grpc/analysis.proto). Cancellation, and so the timeout
 * policy's deadline, comes from the call's signal; statuses come back as GrpcStatusError, which the retry
 * policy and the breaker classify by the HTTP status each code stands for.
 */
export default defineBackend({
  name: 'grpc',
  description: 'a real gRPC analysis service, called with @grpc/grpc-js',
  options: optionsSchema,
  create(options, ctx) {
    const url = new URL(options.url);
    checkGrpcTransport(url, ctx.allowInsecureHttp === true);
    const metadata = keyMetadata(options.apiKeyEnv, options.apiKeyMetadata);
    const channelCredentials =
      url.protocol === 'grpcs:'
        ? credentials.createSsl(
            options.caFile ? readFileSync(resolve(ctx.baseDir, options.caFile)) : undefined,
          )
        : credentials.createInsecure();
    const Service = analysisService();
    // grpc-js's own retries are off: the scenario's retry policy must be the only one counting attempts.
    const client = new Service(url.host, channelCredentials, { 'grpc.enable_retries': 0 }) as Client &
      Record<string, UnaryMethod>;
    const clock = ctx.clock;

    return {
      name: 'grpc',
      async call(request: BackendRequest, call): Promise<BackendResponse> {
        const rpc = rpcFor(request.path);
        if (call.signal.aborted) throw abortReason(call.signal);
        const text = (request.body as { text?: unknown } | undefined)?.text;
        const message = rpc === 'Health' ? {} : { text: typeof text === 'string' ? text : '' };
        return new Promise<BackendResponse>((settle, reject) => {
          let expired = false;
          const pending = client[rpc]!(message, metadata.clone(), {}, (error, reply) => {
            stopDeadline();
            call.signal.removeEventListener('abort', cancel);
            if (call.signal.aborted) return reject(abortReason(call.signal));
            if (expired)
              return reject(
                new NetworkError(
                  'ETIMEDOUT',
                  `grpc plugin: no reply from ${url.host} within ${options.deadline} ms`,
                ),
              );
            if (error) return reject(callError(error, url.host));
            settle({
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: parseJsonOrText(reply?.body_json ?? ''),
            });
          });
          // Timed on the run's clock (not grpc-js's Date-based deadline), like every other wait in faultline.
          const stopDeadline = clock.schedule(options.deadline, () => {
            expired = true;
            pending.cancel();
          });
          const cancel = () => pending.cancel();
          call.signal.addEventListener('abort', cancel, { once: true });
        });
      },
      validate: (request, body) => validateAnalysisResponse(request.path, body),
      async close() {
        client.close();
      },
    };
  },
});

function rpcFor(path: string): (typeof RPC_BY_ROUTE)[AnalysisEndpoint] {
  const route = path.split('?', 1)[0] ?? path;
  if ((ANALYSIS_ENDPOINTS as readonly string[]).includes(route))
    return RPC_BY_ROUTE[route as AnalysisEndpoint];
  // What a gRPC client gets for a method the service does not have.
  throw new GrpcStatusError(
    'UNIMPLEMENTED',
    STATUS_BY_GRPC_CODE.UNIMPLEMENTED,
    undefined,
    `no RPC serves ${route}`,
  );
}

/**
 * A stream reset (RST_STREAM) is the gRPC face of a connection reset or refusal: report it under the
 * network codes a scenario written for HTTP expects; every other status as a GrpcStatusError.
 */
function callError(error: ServiceError, host: string): Error {
  const details = error.details ?? '';
  if (error.code === grpcStatus.INTERNAL && /RST_STREAM with code 2\b/.test(details)) {
    return new NetworkError('ECONNRESET', `gRPC stream reset by ${host}`);
  }
  if (error.code === grpcStatus.UNAVAILABLE && /Stream refused/i.test(details)) {
    return new NetworkError('ECONNREFUSED', `gRPC stream refused by ${host}`);
  }
  if (error.code === grpcStatus.UNAVAILABLE && /ECONNREFUSED|No connection established/i.test(details)) {
    return new NetworkError('ECONNREFUSED', `gRPC connection to ${host} refused`);
  }
  const name = CODE_NAMES.get(error.code) ?? 'UNKNOWN';
  const pushback = Number(error.metadata?.get(GRPC_PUSHBACK_KEY)[0]);
  return new GrpcStatusError(
    name,
    STATUS_BY_GRPC_CODE[name],
    Number.isFinite(pushback) && pushback >= 0 ? pushback : undefined,
    details,
  );
}

function keyMetadata(envName: string | undefined, entry: ApiKeyHeader): Metadata {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(apiKeyHeaders('grpc', envName, entry, 'GRPC_API_KEY_MISSING')))
    metadata.set(key, value);
  return metadata;
}
