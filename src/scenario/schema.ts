import { z } from 'zod';
import { phaseSchema } from '../faults/schema.ts';
import { parseHypothesis } from '../hypotheses/parse-expression.ts';
import { hypothesisSchema } from '../hypotheses/schema.ts';
import { policiesSchema } from '../policies/schema.ts';
import { sweepSchema } from '../sweep/sweep-schema.ts';
import { fanOutMergeSchema } from '../topology/aggregate-fallacies.ts';
import { loadBalancedTopologySchema } from '../topology/load-balanced-schema.ts';
import { sizeCheck } from '../util/bounded-value.ts';
import { workloadSchema } from '../workload/schema.ts';
import { costSchema } from './cost-schema.ts';
import {
  MAX_BACKENDS,
  MAX_DEPTH,
  MAX_HYPOTHESES,
  MAX_MAP_KEYS,
  MAX_NAME_LENGTH,
  MAX_PHASES,
  MAX_STRING_LENGTH,
} from './limits.ts';
import { lookupPath } from './schema-paths.ts';

const backendNameSchema = z.string().max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH');

export const backendRefSchema = z.strictObject({
  /** A built-in plugin name (folder under plugins/) or a path to a plugin module. */
  plugin: z.string().min(1).max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH'),
  options: z
    .record(z.string().max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH'), z.unknown())
    .superRefine(sizeCheck(MAX_MAP_KEYS, MAX_DEPTH))
    .default({}),
  /** Price per call; results then show cost per request and per day. */
  cost: costSchema.optional(),
});
export type BackendRef = z.output<typeof backendRefSchema>;

export const topologySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single'), backend: backendNameSchema.optional() }),
  /** Try each backend in order (each through the policy stack); the stack's fallback is the last resort. */
  z.strictObject({
    type: z.literal('failover'),
    order: z.array(backendNameSchema).min(2).max(MAX_BACKENDS, 'MAX_BACKENDS'),
  }),
  /** Call all backends in parallel and merge; succeed when at least `quorum` answered. */
  z.strictObject({
    type: z.literal('fan-out'),
    backends: z.array(backendNameSchema).min(2).max(MAX_BACKENDS, 'MAX_BACKENDS'),
    quorum: z.number().int().min(1).max(MAX_BACKENDS, 'MAX_BACKENDS'),
    merge: fanOutMergeSchema.optional(),
  }),
  loadBalancedTopologySchema,
]);
export type Topology = z.output<typeof topologySchema>;

/** A hypothesis as an object, or as the shorthand "latency.p99 < 800ms in outage". */
const hypothesisEntrySchema = z.union([
  hypothesisSchema,
  z
    .string()
    .max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH')
    .transform((text, ctx) => {
      try {
        return parseHypothesis(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
]);

export const scenarioSchema = z
  .strictObject({
    /** Where editors find the JSON Schema; ignored by faultline. */
    $schema: z.string().max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH').optional(),
    name: z.string().min(1).max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH'),
    description: z.string().max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH').optional(),
    seed: z.number().int().optional(),
    mode: z.enum(['simulated', 'real-time']).default('simulated'),
    backends: z
      .record(backendNameSchema, backendRefSchema)
      .refine((map) => Object.keys(map).length <= MAX_BACKENDS, {
        message: `at most ${MAX_BACKENDS} backends (MAX_BACKENDS); merge or drop some`,
      })
      .default({ primary: { plugin: 'mock-analysis', options: {} } }),
    topology: topologySchema.default({ type: 'single' }),
    policies: policiesSchema.default({}),
    workload: workloadSchema,
    phases: z.array(phaseSchema).max(MAX_PHASES, 'MAX_PHASES').default([]),
    hypotheses: z.array(hypothesisEntrySchema).max(MAX_HYPOTHESES, 'MAX_HYPOTHESES').default([]),
    /** What `faultline sweep` varies when no --vary is given. */
    sweep: sweepSchema.optional(),
  })
  .superRefine((scenario, ctx) => {
    // Swept paths are read from this schema, so a field added to it can be swept at once.
    for (const path of Object.keys(scenario.sweep?.vary ?? {})) {
      const lookup = path.startsWith('sweep') ? undefined : lookupPath(scenarioSchema, path);
      if (lookup?.found) continue;
      const problem = lookup ? lookup.problem : `${path}: a sweep cannot vary itself`;
      ctx.addIssue({ code: 'custom', path: ['sweep', 'vary', path], message: problem });
    }
  });
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** Typed helper for scenarios written in TypeScript. */
export function defineScenario(scenario: ScenarioInput): ScenarioInput {
  return scenario;
}
