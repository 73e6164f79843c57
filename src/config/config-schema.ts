import { z } from 'zod';
import { durationSchema } from '../util/duration.ts';

const reporterSpecSchema = z.union([
  z.string().min(1),
  z.tuple([z.string().min(1), z.record(z.string(), z.unknown())]),
  // An instance: an object with hooks, checked no further (reporters are code).
  z.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'a reporter is a name, [name, options], a module path or an object with hooks',
  }),
]);

/** What a config file may hold; unknown keys are errors, as in scenarios. */
export const configSchema = z.strictObject({
  scenarios: z.array(z.string().min(1)).min(1).optional(),
  outDir: z.string().min(1).optional(),
  reporters: z.array(reporterSpecSchema).optional(),
  seed: z.number().int().optional(),
  duration: durationSchema.optional(),
  realTime: z.boolean().optional(),
  bail: z.boolean().optional(),
  allowInsecureHttp: z.boolean().optional(),
  /** Hosts `faultline proxy` may reach besides its --target (redirect targets, private addresses). */
  proxyAllow: z.array(z.string().min(1)).optional(),
});
