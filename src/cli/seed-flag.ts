import { FaultlineError } from '../errors/faultline-error.ts';

/** Seeds feed 32-bit mixing: the range `randomSeed()` draws from, so every seed names a distinct run. */
export const MAX_SEED = 0x7fffffff;

/** `--seed`: a whole number from 0 to MAX_SEED, written in decimal (no `abc`, `1.5` or `1e3`). */
export function parseSeedFlag(text: unknown): number {
  const written = String(text).trim();
  const seed = Number(written);
  if (!/^\d+$/.test(written) || seed > MAX_SEED) {
    throw new FaultlineError(
      'USAGE',
      `--seed ${written} is not a seed; use a whole number from 0 to ${MAX_SEED}, e.g. --seed 42`,
    );
  }
  return seed;
}

/** The yargs option for `--seed`, shared by every command that takes one. */
export function seedOption(describe: string) {
  return { type: 'string', coerce: parseSeedFlag, describe } as const;
}
