import { CallError, isCallError } from './call-errors.ts';

/**
 * A gRPC call that ended with a non-OK status. `status` is the HTTP status the code stands for
 * (src/protocols/fault-mapping.ts), so `retryOn: [5xx, 429]` and the breaker treat gRPC and HTTP alike;
 * `retryAfterMs` comes from the `grpc-retry-pushback-ms` trailer.
 */
export class GrpcStatusError extends CallError {
  override readonly name = 'GrpcStatusError';
  constructor(
    readonly grpcCode: string,
    readonly status: number,
    readonly retryAfterMs?: number,
    details = '',
  ) {
    super('grpc', `GRPC_${grpcCode}`, `gRPC call ended ${grpcCode}${details ? `: ${details}` : ''}`);
  }
}

/** Recognised by the call-error brand and its kind, safe across copies of this module. */
export function isGrpcStatusError(error: unknown): error is GrpcStatusError {
  return (
    isCallError(error) &&
    (error as { kind?: unknown }).kind === 'grpc' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}
