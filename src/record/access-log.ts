import { z } from 'zod';
import { FaultlineError } from '../errors/faultline-error.ts';
import { type Exchange, parseRetryAfter } from './exchange.ts';

/**
 * faultline's JSON-lines access log: one object per line, e.g.
 * `{"time":"2026-01-01T10:00:00.120Z","method":"GET","path":"/api/items/7","status":200,"durationMs":41.5}`.
 * `time` is an ISO date or epoch ms; `error` marks a request that got no response.
 */
export const accessLogLineSchema = z.strictObject({
  time: z.union([z.string(), z.number()]),
  method: z.string().min(1),
  path: z.string().startsWith('/'),
  status: z.number().int().min(0).max(999),
  durationMs: z.number().min(0),
  /** The Retry-After header as sent: seconds or an HTTP date. */
  retryAfter: z.string().optional(),
  error: z.enum(['reset', 'refused', 'timeout', 'aborted']).optional(),
});

/** One parsed line; `where` is `file:line` for the error message. */
export function readAccessLogLine(
  line: string,
  where: string,
): Omit<Exchange, 'startedMs'> & { epochMs: number } {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    throw new FaultlineError(
      'RECORDING_INVALID',
      `${where}: not a JSON object; each line of a .jsonl recording is one request.`,
    );
  }
  const parsed = accessLogLineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FaultlineError(
      'RECORDING_INVALID',
      `${where} at ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const entry = parsed.data;
  const epochMs = typeof entry.time === 'number' ? entry.time : Date.parse(entry.time);
  if (Number.isNaN(epochMs)) {
    throw new FaultlineError(
      'RECORDING_INVALID',
      `${where} at time: "${entry.time}" is neither an ISO date nor epoch ms.`,
    );
  }
  const retryAfterMs = parseRetryAfter(entry.retryAfter, epochMs);
  const failure = entry.error ?? (entry.status === 504 || entry.status === 408 ? 'timeout' : undefined);
  return {
    epochMs,
    method: entry.method.toUpperCase(),
    path: entry.path.split('?')[0] ?? entry.path,
    status: entry.status,
    durationMs: entry.durationMs,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(failure ? { failure } : {}),
  };
}
