import type { Backend } from '../backend/contract.ts';
import { createRealClock } from '../clock/real-clock.ts';
import type { Phase } from '../faults/schema.ts';
import { readChaosSource } from '../interceptors/chaos-source.ts';
import { openBackendRef } from '../interceptors/open-backend.ts';
import { createRng } from '../rng/rng.ts';

/** What a served API or a proxy takes from a scenario file. */
export interface ScenarioServing {
  readonly phases: readonly Phase[];
  readonly seed: number | undefined;
  /** The scenario's first backend: the name its faults' `target:` refer to. */
  readonly backendName: string | undefined;
  /**
   * The scenario's mock-analysis backend, so the served API answers after the same base latency as the
   * simulation; undefined when the scenario's backend is something else (the API then answers at once).
   */
  readonly backend: Backend | undefined;
}

export async function readScenarioServing(file: string, cwd: string): Promise<ScenarioServing> {
  const source = await readChaosSource(file, cwd);
  const ref = source.backendRef;
  const backend =
    ref?.plugin === 'mock-analysis'
      ? await openBackendRef(ref, {
          clock: createRealClock(),
          rng: createRng(source.seed ?? 0),
          baseDir: source.baseDir,
        })
      : undefined;
  return { phases: source.phases, seed: source.seed, backendName: source.backendName, backend };
}
