import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunResult } from '../../src/report/result.ts';
import { sha256 } from '../../src/util/sha256.ts';
import type { UnitOutcome } from '../../src/work/run-units.ts';
import type { WorkUnit } from '../../src/work/work-unit.ts';

/** A unit as a run plans it: the file's bytes hashed now, the seed given. */
export function unitOf(file: string, seed: number): WorkUnit {
  const absolute = resolve(file);
  return { file, absolute, scenarioSha256: sha256(readFileSync(absolute)), seed, variant: {} };
}

/** A result's bytes without the wall-clock facts of `environment`, the part that must match across threads. */
export function resultBytes(result: RunResult): string {
  const { environment: _environment, ...rest } = result;
  return JSON.stringify(rest);
}

export const bytesOf = (outcomes: readonly UnitOutcome[]) => outcomes.map((o) => resultBytes(o.result));
