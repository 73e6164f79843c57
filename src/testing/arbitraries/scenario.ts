import * as fc from 'fast-check';
import type { PoliciesConfig } from '../../policies/schema.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { faultTimelineArbitrary, type TimelineConstraints } from './faults.ts';
import { policiesArbitrary } from './policies.ts';
import { DEFAULT_TIME_SCALE, type TimeScale, timeScaleFor } from './time-scale.ts';
import { type WorkloadConstraints, workloadArbitrary } from './workload.ts';

/** A seed for the scenario's own streams (arrivals, texts, fault draws, jitter); shrinks towards 0. */
export const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff });

export interface ScenarioConstraints extends TimelineConstraints, WorkloadConstraints {
  /** The stacks to try; generated ones by default. */
  readonly policies?: fc.Arbitrary<PoliciesConfig>;
}

/**
 * A whole scenario: the in-process mock-analysis backend with a fixed base latency, a policy stack, a
 * small workload and a fault timeline, on one time scale, with its seed.
 */
export function scenarioArbitrary(constraints: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  const scale = constraints.scale ?? DEFAULT_TIME_SCALE;
  return fc
    .record({
      latencyUnits: fc.integer({ min: 0, max: 6 }),
      policies: constraints.policies ?? policiesArbitrary({ scale }),
      workload: workloadArbitrary({ ...constraints, scale }),
      phases: faultTimelineArbitrary({ ...constraints, scale }),
      seed: seedArbitrary,
    })
    .map(
      ({ latencyUnits, ...generated }): Scenario => ({
        name: 'generated',
        mode: 'simulated',
        backends: {
          primary: {
            plugin: 'mock-analysis',
            options: { latency: { type: 'fixed', ms: latencyUnits * scale.unitMs } },
          },
        },
        topology: { type: 'single' },
        hypotheses: [],
        ...generated,
      }),
    );
}

/**
 * Variations of one scenario for checking its policies and backends: the same file with a generated
 * workload, fault timeline and seed, on a time scale fitted to its policies (see timeScaleFor).
 */
export function variationsOf(
  scenario: Scenario,
  constraints: TimelineConstraints & WorkloadConstraints = {},
) {
  const scale: TimeScale = constraints.scale ?? timeScaleFor(scenario.policies);
  return fc
    .record({
      workload: workloadArbitrary({ ...constraints, scale }),
      phases: faultTimelineArbitrary({ ...constraints, scale }),
      seed: seedArbitrary,
    })
    .map((generated): Scenario => ({ ...scenario, ...generated }));
}
