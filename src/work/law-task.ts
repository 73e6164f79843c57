import type { Scenario } from '../scenario/schema.ts';
import {
  checkScenario,
  type ScenarioCheckOptions,
  type ScenarioLawReport,
} from '../testing/check/check-scenario.ts';
import { LAWS, type LawName } from '../testing/laws/index.ts';
import { type CarriedError, carryError } from './unit-messages.ts';

/** One law of `faultline check` for a worker: the scenario as checked (plain data) and the check's options. */
export interface LawTask {
  readonly scenario: Scenario;
  readonly law: LawName;
  readonly options: Pick<ScenarioCheckOptions, 'runs' | 'seed' | 'path' | 'maxAmplification' | 'trial'>;
}

/** A law report as it crosses threads: the law by name (laws hold functions, which do not clone). */
export type CarriedLawReport = Omit<ScenarioLawReport, 'law'> & { readonly law: LawName };

export type LawReply =
  | { readonly state: 'done'; readonly report: CarriedLawReport }
  | { readonly state: 'error'; readonly error: CarriedError };

/** In a worker: checks one law exactly as `checkScenario` checks it among the others (same seed, examples). */
export async function checkLawTask(task: LawTask): Promise<LawReply> {
  try {
    const [report] = await checkScenario(task.scenario, { ...task.options, laws: [task.law] });
    if (!report) throw new Error(`checking ${task.law} gave no report`);
    return { state: 'done', report: { ...report, law: task.law } as CarriedLawReport };
  } catch (error) {
    return { state: 'error', error: carryError(error) };
  }
}

/** The report again on this side, with its law. */
export function lawReportOf(carried: CarriedLawReport): ScenarioLawReport {
  return { ...carried, law: LAWS[carried.law] } as ScenarioLawReport;
}
