import type { RunResult } from '../report/result.ts';

/**
 * Everything a run measured: the parts of RunResult that come from the recorder (all but scenario, seed,
 * mode, verdict, hypotheses and environment). The whole-run window figures sit at the top level.
 */
export type RecorderFigures = Pick<
  RunResult,
  | 'requests'
  | 'availability'
  | 'latency'
  | 'inFlight'
  | 'throughput'
  | 'backend'
  | 'cache'
  | 'breaker'
  | 'faults'
  | 'policyEvents'
  | 'phases'
  | 'timeline'
>;
