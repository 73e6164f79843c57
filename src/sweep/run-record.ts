import type { ReplayInfo, RunResult } from '../report/result.ts';
import { type RunFigures, runFigures } from './run-figures.ts';
import type { PlannedRun } from './sweep-plan.ts';

/** One run of a sweep as its reports keep it: the figures compared, the verdict, how to replay it. */
export interface RunRecord extends PlannedRun {
  readonly verdict: 'pass' | 'fail';
  /** The hypotheses held, with evidence: the run completed, had requests, and every hypothesis passed. */
  readonly held: boolean;
  readonly hypotheses: readonly { readonly name: string; readonly pass: boolean }[];
  readonly figures: RunFigures;
  /** What `faultline replay` needs to rerun exactly this run (variant included). */
  readonly replay: ReplayInfo;
}

export function runRecord(planned: PlannedRun, result: RunResult, replay: ReplayInfo): RunRecord {
  const figures = runFigures(result);
  return {
    ...planned,
    verdict: result.verdict,
    held: result.complete && figures.requests > 0 && result.verdict === 'pass',
    hypotheses: result.hypotheses.map((h) => ({ name: h.name, pass: h.pass })),
    figures,
    replay,
  };
}
