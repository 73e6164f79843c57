import { z } from 'zod';

/** Upper bound on a price per call, so a typo (a missing decimal point, say) is refused at load. */
export const MAX_PRICE_PER_CALL = 1_000_000;

/** What one call to a backend costs, as a paid API bills it; results then show money beside calls. */
export const costSchema = z.strictObject({
  perCall: z.number().min(0).max(MAX_PRICE_PER_CALL),
  /** ISO 4217 code; every priced backend of a scenario uses the same one. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a three-letter currency code such as USD or EUR')
    .default('USD'),
});
export type CostConfig = z.output<typeof costSchema>;
