import { z } from 'zod';
import { MAX_DURATION_MS } from '../scenario/limits.ts';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
export const DURATION_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/;

/** Parses "250ms", "1.5s", "3m", "2h" (or a bare number of ms); undefined when it is not one. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * (UNITS[match[2] as string] ?? 1);
}

const durationSyntaxSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a non-negative duration such as 250ms, 1.5s, 3m or 2h (got ${JSON.stringify(value)})`,
    });
    return z.NEVER;
  }
  return ms;
});

/**
 * A duration field: milliseconds as a number, or a string with a unit. The upper bound is its own check,
 * apart from the syntax (a 400-digit number parses to Infinity).
 */
export const durationSchema = durationSyntaxSchema.refine((ms) => ms <= MAX_DURATION_MS, {
  message: `must be at most 366 days (MAX_DURATION_MS = ${MAX_DURATION_MS} ms); shorten it`,
});

/** Formats ms the way people write it back in a scenario file. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0 && ms > 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
