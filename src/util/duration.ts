import { z } from 'zod';
import { MAX_DURATION_MS } from '../scenario/limits.ts';

/** Unit sizes, in the order a compound duration must list them (largest first, each at most once). */
const UNIT_MS = [3_600_000, 60_000, 1000, 1] as const;
const N = String.raw`(\d+(?:\.\d+)?)`;
/** "250ms", "1.5s", "3m", "2h", or compounds such as "2m30s" and "1h 15m": hours, minutes, seconds, ms. */
export const DURATION_PATTERN = new RegExp(
  String.raw`^\s*(?=\d)(?:${N}\s*h\s*)?(?:${N}\s*m\s*)?(?:${N}\s*s\s*)?(?:${N}\s*ms\s*)?$`,
);

/** Parses "250ms", "1.5s", "3m", "2h", "2m30s" (or a bare number of ms); undefined when it is not one. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  let ms = 0;
  UNIT_MS.forEach((unit, i) => {
    const part = match[i + 1];
    if (part !== undefined) ms += Number(part) * unit;
  });
  return ms;
}

const durationSyntaxSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a non-negative duration such as 250ms, 1.5s, 3m, 2h or 2m30s (got ${JSON.stringify(value)})`,
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
