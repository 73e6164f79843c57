import { accountingLaw } from './accounting.ts';
import { amplificationLaw } from './amplification.ts';
import { backoffBoundsLaw } from './backoff-bounds.ts';
import { breakerBlocksLaw } from './breaker-blocks.ts';
import { breakerOpensLaw } from './breaker-opens.ts';
import { bulkheadLimitLaw } from './bulkhead-limit.ts';
import { cacheHitsLaw } from './cache-hits.ts';
import { determinismLaw } from './determinism.ts';
import { fallbackOnceLaw } from './fallback-once.ts';
import { halfOpenProbesLaw } from './half-open-probes.ts';
import type { Law } from './law.ts';
import { maxAttemptsLaw } from './max-attempts.ts';
import { timeoutBoundsLaw } from './timeout-bounds.ts';

/** Every built-in law, by name, in the order `faultline check` runs them. */
export const LAWS = {
  accounting: accountingLaw,
  'max-attempts': maxAttemptsLaw,
  'backoff-bounds': backoffBoundsLaw,
  'breaker-blocks': breakerBlocksLaw,
  'breaker-opens': breakerOpensLaw,
  'half-open-probes': halfOpenProbesLaw,
  'timeout-bounds': timeoutBoundsLaw,
  'cache-hits': cacheHitsLaw,
  'fallback-once': fallbackOnceLaw,
  'bulkhead-limit': bulkheadLimitLaw,
  amplification: amplificationLaw,
  determinism: determinismLaw,
} as const satisfies Record<string, Law>;

export type LawName = keyof typeof LAWS;

export const LAW_NAMES = Object.keys(LAWS) as LawName[];

export function isLawName(name: string): name is LawName {
  return Object.hasOwn(LAWS, name);
}
