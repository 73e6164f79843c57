import type { IBackoff, IBackoffFactory } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { GrpcStatusError } from '../../src/errors/grpc-status-error.ts';
import { createBackoff, honourRetryAfter, type RetryBackoffContext } from '../../src/policies/backoff.ts';
import { failureFilter, inCategory } from '../../src/policies/classify.ts';
import { GRPC_CODES, type GrpcCodeName, STATUS_BY_GRPC_CODE } from '../../src/protocols/fault-mapping.ts';
import { createRng } from '../../src/rng/rng.ts';

const grpcError = (name: GrpcCodeName, retryAfterMs?: number) =>
  new GrpcStatusError(name, STATUS_BY_GRPC_CODE[name], retryAfterMs);

function firstDelay(factory: IBackoffFactory<RetryBackoffContext>, error: Error): number {
  const step: IBackoff<RetryBackoffContext> = factory.next({
    attempt: 1,
    signal: new AbortController().signal,
    result: { error },
  });
  return step.duration;
}

describe('gRPC statuses in the retry policy and the breaker', () => {
  it('retries UNAVAILABLE, INTERNAL and UNKNOWN as 5xx, and never a client error', () => {
    const retry5xx = failureFilter(['5xx']);
    expect(
      ['UNAVAILABLE', 'INTERNAL', 'UNKNOWN', 'DATA_LOSS'].map((n) => retry5xx(grpcError(n as GrpcCodeName))),
    ).toEqual([true, true, true, true]);
    expect(
      ['INVALID_ARGUMENT', 'NOT_FOUND', 'UNAUTHENTICATED'].map((n) => retry5xx(grpcError(n as GrpcCodeName))),
    ).toEqual([false, false, false]);
  });

  it('puts RESOURCE_EXHAUSTED under 429 (and 4xx), DEADLINE_EXCEEDED under timeout only', () => {
    expect(inCategory(grpcError('RESOURCE_EXHAUSTED'), '429')).toBe(true);
    expect(inCategory(grpcError('RESOURCE_EXHAUSTED'), '4xx')).toBe(true);
    expect(inCategory(grpcError('DEADLINE_EXCEEDED'), 'timeout')).toBe(true);
    expect(inCategory(grpcError('DEADLINE_EXCEEDED'), '5xx')).toBe(false);
  });

  it('recognises a gRPC status by its kind and code, not by class identity', () => {
    const copy = Object.assign(new Error('from another copy of faultline'), {
      kind: 'grpc',
      code: 'GRPC_UNAVAILABLE',
      grpcCode: 'UNAVAILABLE',
      status: 503,
    });
    expect(inCategory(copy, '5xx')).toBe(true);
  });

  it('waits the grpc-retry-pushback-ms a server asked for, as it waits a Retry-After', () => {
    const factory = honourRetryAfter(createBackoff({ type: 'constant', delay: 100 }, createRng(1)), {
      maxRetryAfter: 60_000,
    });
    expect(firstDelay(factory, grpcError('RESOURCE_EXHAUSTED', 2_500))).toBe(2_500);
    expect(firstDelay(factory, grpcError('UNAVAILABLE'))).toBe(100);
  });

  it('numbers codes as gRPC does', () => {
    expect(GRPC_CODES.UNAVAILABLE).toBe(14);
    expect(grpcError('UNAVAILABLE').code).toBe('GRPC_UNAVAILABLE');
  });
});
