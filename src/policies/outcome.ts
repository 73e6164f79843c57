import type { BackendRequest } from '../backend/contract.ts';
import { errorCode } from '../errors/call-errors.ts';
import type { Outcome } from './stack.ts';

/** Runs one request through the layers below; throws the failure that ended it. */
export type Load = (request: BackendRequest) => Promise<unknown>;

/** Turns a failure into the request's outcome (a fallback, or 'failed'). Never throws. */
export type Recover = (request: BackendRequest, error: unknown) => Promise<Outcome>;

export function succeeded(value: unknown): Outcome {
  return { kind: 'succeeded', value };
}

export function failed(error: unknown): Outcome {
  return { kind: 'failed', code: errorCode(error) };
}

export const failWith: Recover = async (_request, error) => failed(error);
