import { z } from 'zod';
import {
  MAX_COUNT,
  MAX_DURATION_MS,
  MAX_FAULTS_PER_PHASE,
  MAX_LIST,
  MAX_NAME_LENGTH,
  MAX_SHAPE,
  MAX_STRING_LENGTH,
} from '../scenario/limits.ts';
import { durationSchema } from '../util/duration.ts';

/** Probability that a fault applies to a call; validated so a typo like 1.5 is caught at load. */
export const rateSchema = z.number().min(0).max(1).describe('injection rate, a probability in [0, 1]');

const nonNegativeMs = z.number().min(0).max(MAX_DURATION_MS, 'MAX_DURATION_MS');

export const latencyDistributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), ms: nonNegativeMs }),
  z.strictObject({ type: z.literal('uniform'), minMs: nonNegativeMs, maxMs: nonNegativeMs }),
  z.strictObject({ type: z.literal('normal'), meanMs: nonNegativeMs, stdDevMs: nonNegativeMs }),
  z.strictObject({
    type: z.literal('lognormal'),
    medianMs: nonNegativeMs,
    sigma: z.number().positive().max(MAX_SHAPE, 'MAX_SHAPE'),
  }),
  z.strictObject({
    type: z.literal('pareto'),
    scaleMs: z.number().positive().max(MAX_DURATION_MS, 'MAX_DURATION_MS'),
    shape: z.number().positive().max(MAX_SHAPE, 'MAX_SHAPE'),
  }),
]);
export type LatencyDistribution = z.output<typeof latencyDistributionSchema>;

const statusSchema = z.number().int().min(400).max(599);
export const networkErrorSchema = z.enum(['reset', 'refused', 'dns', 'hang']);
export type NetworkFailure = z.output<typeof networkErrorSchema>;

/** What a failing call looks like, shared by the faults that fail calls. */
export const failureSchema = z.union([
  z.strictObject({ status: statusSchema, retryAfter: durationSchema.optional() }),
  z.strictObject({ network: networkErrorSchema }),
]);
export type Failure = z.output<typeof failureSchema>;

const base = {
  rate: rateSchema.default(1),
  /** Limit a fault to some backends (by name in the scenario) or routes; all when absent. */
  target: z.string().max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH').optional(),
  routes: z
    .array(z.string().max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH'))
    .max(MAX_LIST, 'MAX_LIST')
    .optional(),
};

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ...base, distribution: latencyDistributionSchema }),
  z.strictObject({
    kind: z.literal('error'),
    ...base,
    status: statusSchema,
    retryAfter: durationSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('network'), ...base, error: networkErrorSchema }),
  /** The call fails with ETIMEDOUT after `after`, as when an upstream gateway gives up. */
  z.strictObject({ kind: z.literal('timeout'), ...base, after: durationSchema }),
  z.strictObject({ kind: z.literal('malformed'), ...base, mode: z.enum(['truncated', 'garbage', 'empty']) }),
  /** The first `count` calls in the phase fail, later ones pass. */
  z.strictObject({
    kind: z.literal('fail-first'),
    ...base,
    count: z.number().int().min(0).max(MAX_COUNT, 'MAX_COUNT'),
    failure: failureSchema.default({ status: 503 }),
  }),
  /** Alternates `up` then `down` periods from the phase start; calls during `down` fail. */
  z.strictObject({
    kind: z.literal('flapping'),
    ...base,
    up: durationSchema,
    down: durationSchema,
    failure: failureSchema.default({ status: 503 }),
  }),
  /** Error rate and/or added latency ramp linearly from `from` to `to` across the phase. */
  z.strictObject({
    kind: z.literal('degradation'),
    ...base,
    errorRate: z.strictObject({ from: rateSchema, to: rateSchema }).optional(),
    latencyMs: z.strictObject({ from: nonNegativeMs, to: nonNegativeMs }).optional(),
    failure: failureSchema.default({ status: 503 }),
  }),
  /** A token bucket: more than `limit` calls per `window` get 429 with Retry-After. */
  z.strictObject({
    kind: z.literal('rate-limit'),
    ...base,
    limit: z.number().int().positive().max(MAX_COUNT, 'MAX_COUNT'),
    window: durationSchema,
    retryAfter: durationSchema.optional(),
  }),
]);
export type Fault = z.output<typeof faultSchema>;
export type FaultKind = Fault['kind'];

export const phaseSchema = z.strictObject({
  name: z.string().min(1).max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH'),
  from: durationSchema,
  /** End of the phase; open-ended (to the end of the run) when absent. */
  to: durationSchema.optional(),
  faults: z.array(faultSchema).max(MAX_FAULTS_PER_PHASE, 'MAX_FAULTS_PER_PHASE').default([]),
});
export type Phase = z.output<typeof phaseSchema>;
