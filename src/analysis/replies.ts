import type { ErrorBody } from './response-schemas.ts';

/** What a route answers: an HTTP status and a JSON body. */
export interface AnalysisReply {
  readonly status: number;
  readonly body: unknown;
}

export function errorReply(status: number, code: string, message: string): AnalysisReply {
  const body: ErrorBody = { error: { code, message } };
  return { status, body };
}
