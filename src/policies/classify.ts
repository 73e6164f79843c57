import { TaskCancelledError } from 'cockatiel';
import { isCallError, isHttpStatusError } from '../errors/call-errors.ts';
import { isGrpcStatusError } from '../errors/grpc-status-error.ts';
import type { Retryable } from './schema.ts';

/**
 * Whether `error` falls in `category`. An error may fall in several: a 429 is both '429' and '4xx'.
 * Policy rejections (breaker open, bulkhead full) fall in none, so nothing retries or counts them.
 */
export function inCategory(error: unknown, category: Retryable): boolean {
  if (isGrpcStatusError(error)) {
    // A deadline the server reports is a timeout; every other code falls where its HTTP status does.
    if (error.grpcCode === 'DEADLINE_EXCEEDED') return category === 'timeout';
    return inStatusCategory(error.status, category);
  }
  if (isHttpStatusError(error)) return inStatusCategory(error.status, category);
  if (isCallError(error)) {
    if (error.kind === 'hang') return category === 'timeout';
    return error.kind === category;
  }
  // cockatiel's own timeout and ours both reject with TaskCancelledError.
  return category === 'timeout' && error instanceof TaskCancelledError;
}

function inStatusCategory(status: number, category: Retryable): boolean {
  if (category === '5xx') return status >= 500 && status <= 599;
  if (category === '4xx') return status >= 400 && status <= 499;
  return category === '429' && status === 429;
}

export function isRetryable(error: unknown, list: readonly Retryable[]): boolean {
  for (const category of list) if (inCategory(error, category)) return true;
  return false;
}

/** The list as a predicate, in the shape cockatiel's `handleWhen` wants. */
export function failureFilter(list: readonly Retryable[]): (error: Error) => boolean {
  const categories = [...new Set(list)];
  return (error) => isRetryable(error, categories);
}
