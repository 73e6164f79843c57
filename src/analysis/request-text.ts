import { type AnalysisReply, errorReply } from './replies.ts';

/** Longest text a POST route accepts, in UTF-16 code units (String#length). */
export const MAX_TEXT_LENGTH = 20_000;

const BLANK = /^\s*$/u;

/** The `text` of a `{ text }` body, or the 400/413 reply explaining what is wrong with the body. */
export function requestText(body: unknown): string | AnalysisReply {
  const text = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
  if (typeof text !== 'string') {
    return errorReply(
      400,
      'INVALID_BODY',
      'expected a JSON body of the form { "text": "<argument to analyse>" }',
    );
  }
  if (BLANK.test(text)) return errorReply(400, 'EMPTY_TEXT', '"text" is empty: send the argument to analyse');
  if (text.length > MAX_TEXT_LENGTH) {
    return errorReply(
      413,
      'TEXT_TOO_LONG',
      `"text" has ${text.length} characters, over the limit of ${MAX_TEXT_LENGTH}: send a shorter excerpt`,
    );
  }
  return text;
}
