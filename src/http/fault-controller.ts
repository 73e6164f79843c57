import type { BackendRequest } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { createFaultPlan } from '../faults/create-fault-plan.ts';
import type { FaultEffect } from '../faults/effect.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import type { Fault, Phase } from '../faults/schema.ts';
import type { Rng } from '../rng/rng.ts';

/**
 * How the faults in force were chosen: the scenario's timeline, one phase pinned, or faults set by hand;
 * `waiting` until the first request starts a timeline that waits for one.
 */
export type FaultMode = 'waiting' | 'timeline' | 'pinned' | 'manual';

export interface FaultStatus {
  readonly mode: FaultMode;
  /** Phase names of the scenario, in order. */
  readonly phases: readonly string[];
  readonly active: string | undefined;
  /** Time since the current timeline (or pin, or manual set) started. */
  readonly elapsedMs: number;
}

/**
 * The faults a real server or proxy applies, on the real clock. Same plan and vocabulary as simulation;
 * the control API can pin one phase or replace the faults while it runs.
 */
export interface FaultController {
  effectFor(request: BackendRequest): FaultEffect;
  status(): FaultStatus;
  /** Restarts the scenario's timeline at time 0 now, so a run and the server agree on when phases start. */
  restart(): void;
  /** Applies one phase's faults from now on, open-ended, until restart or another change. */
  pinPhase(name: string): void;
  /** Replaces every fault with these, applied from now on. */
  setFaults(faults: readonly Fault[]): void;
}

export interface FaultControllerOptions {
  readonly phases: readonly Phase[];
  readonly clock: Clock;
  /** Fault draws; a fork of the run's seed so the choices replay. */
  readonly rng: Rng;
  /** Name faults are targeted at (`target:` in a fault); faults aimed at other backends do not apply. */
  readonly backendName: string;
  /**
   * When the timeline's time 0 is: now, or the first request (so a run started later still meets phase
   * one first, as its simulation would). Default: now.
   */
  readonly startsAt?: 'now' | 'first-request';
}

export function createFaultController(options: FaultControllerOptions): FaultController {
  const { phases, clock, rng, backendName } = options;
  let mode: FaultMode = options.startsAt === 'first-request' ? 'waiting' : 'timeline';
  let plan: FaultPlan = createFaultPlan(phases);
  let originMs = clock.now();

  const install = (next: FaultMode, nextPlan: FaultPlan) => {
    mode = next;
    plan = nextPlan;
    originMs = clock.now();
  };

  return {
    effectFor(request) {
      if (mode === 'waiting') install('timeline', plan);
      return plan.effectFor(request, backendName, clock.now() - originMs, rng);
    },
    status() {
      const elapsedMs = mode === 'waiting' ? 0 : clock.now() - originMs;
      return {
        mode,
        phases: phases.map((phase) => phase.name),
        active: mode === 'waiting' ? undefined : plan.phaseAt(elapsedMs),
        elapsedMs: Math.round(elapsedMs),
      };
    },
    restart: () => install('timeline', createFaultPlan(phases)),
    pinPhase(name) {
      const phase = phases.find((candidate) => candidate.name === name);
      if (!phase) {
        const known = phases.map((candidate) => candidate.name).join(', ') || 'none';
        throw new FaultlineError(
          'UNKNOWN_PHASE',
          `No phase named "${name}" in the scenario (phases: ${known}).`,
        );
      }
      install('pinned', createFaultPlan([{ ...phase, from: 0, to: undefined }]));
    },
    setFaults: (faults) =>
      install('manual', createFaultPlan([{ name: 'manual', from: 0, faults: [...faults] }])),
  };
}
