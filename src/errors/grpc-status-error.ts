import { CallError } from './call-errors.ts';

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

/** Brand-free recognition by shape, safe across copies of this module. */
export function isGrpcStatusError(error: unknown): error is GrpcStatusError {
  return (
    error instanceof Error &&
    (error as { kind?: unknown }).kind === 'grpc' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}
