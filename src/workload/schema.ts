import { z } from 'zod';
import { ANALYSIS_ENDPOINTS } from '../backend/contract.ts';
import {
  MAX_CLIENTS,
  MAX_EXPONENT,
  MAX_IN_FLIGHT,
  MAX_LIST,
  MAX_RATE,
  MAX_REQUESTS,
  MAX_STRING_LENGTH,
  MAX_WEIGHT,
} from '../scenario/limits.ts';
import { durationSchema } from '../util/duration.ts';

export const mixEntrySchema = z.strictObject({
  endpoint: z.string().startsWith('/').max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH'),
  method: z.enum(['GET', 'POST']).optional(),
  weight: z.number().positive().max(MAX_WEIGHT, 'MAX_WEIGHT').default(1),
});

export const corpusSchema = z.strictObject({
  /** How many distinct texts the workload draws from (taken from the shipped corpus, in order). */
  size: z.number().int().min(1).optional(),
  /** Zipf exponent for text popularity; 0 is uniform. */
  zipf: z.number().min(0).max(MAX_EXPONENT, 'MAX_EXPONENT').default(1),
  language: z.enum(['en', 'fr', 'any']).default('any'),
});

const common = {
  /** Stop issuing requests after this much (virtual) time... */
  duration: durationSchema.optional(),
  /** ...or after this many requests, whichever comes first. */
  requests: z.number().int().min(1).max(MAX_REQUESTS, 'MAX_REQUESTS').optional(),
  mix: z
    .array(mixEntrySchema)
    .min(1)
    .max(MAX_LIST, 'MAX_LIST')
    .default([{ endpoint: '/api/analyze', weight: 1 }]),
  corpus: corpusSchema.default({ zipf: 1, language: 'any' }),
};

export const workloadSchema = z
  .discriminatedUnion('model', [
    /** N clients, each sending its next request when the previous one ends (plus think time). */
    z.strictObject({
      model: z.literal('closed'),
      clients: z.number().int().min(1).max(MAX_CLIENTS, 'MAX_CLIENTS').default(1),
      thinkTime: durationSchema.default(0),
      ...common,
    }),
    /** Arrivals at a fixed rate whatever the responses do, so latency is free of coordinated omission. */
    z.strictObject({
      model: z.literal('open'),
      rate: z.number().positive().max(MAX_RATE, 'MAX_RATE').describe('requests per second'),
      arrivals: z.enum(['constant', 'poisson']).default('poisson'),
      /** Cap on in-flight requests; arrivals beyond it are counted as failed with code OVERLOAD. */
      maxInFlight: z.number().int().min(1).max(MAX_IN_FLIGHT, 'MAX_IN_FLIGHT').default(10_000),
      ...common,
    }),
  ])
  .refine((w) => w.duration !== undefined || w.requests !== undefined, {
    message: 'give the workload a duration (e.g. 10m) or a number of requests',
  });
export type Workload = z.output<typeof workloadSchema>;
export type MixEntry = z.output<typeof mixEntrySchema>;

export const KNOWN_ENDPOINTS: readonly string[] = ANALYSIS_ENDPOINTS;
