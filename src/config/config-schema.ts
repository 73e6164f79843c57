import { z } from 'zod';
import { MAX_CONFIG_LIST, MAX_LIST, MAX_STRING_LENGTH } from '../scenario/limits.ts';
import { durationSchema } from '../util/duration.ts';
import { workersSchema } from '../work/workers.ts';

const reporterSpecSchema = z.union([
  z.string().min(1).max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH'),
  z.tuple([z.string().min(1).max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH'), z.record(z.string(), z.unknown())]),
  // An instance: an object with hooks, checked no further (reporters are code).
  z.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'a reporter is a name, [name, options], a module path or an object with hooks',
  }),
]);

/** What a config file may hold; unknown keys are errors, as in scenarios. */
export const configSchema = z.strictObject({
  scenarios: z
    .array(z.string().min(1).max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH'))
    .min(1)
    .max(MAX_CONFIG_LIST, 'MAX_CONFIG_LIST')
    .optional(),
  outDir: z.string().min(1).max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH').optional(),
  reporters: z.array(reporterSpecSchema).max(MAX_LIST, 'MAX_LIST').optional(),
  seed: z.number().int().optional(),
  duration: durationSchema.optional(),
  realTime: z.boolean().optional(),
  bail: z.boolean().optional(),
  allowInsecureHttp: z.boolean().optional(),
  /** Worker threads for `run` (1: this thread only); `--workers` wins. */
  workers: workersSchema.optional(),
  /** Hosts `faultline proxy` may reach besides its --target (redirect targets, private addresses). */
  proxyAllow: z
    .array(z.string().min(1).max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH'))
    .max(MAX_CONFIG_LIST, 'MAX_CONFIG_LIST')
    .optional(),
});
