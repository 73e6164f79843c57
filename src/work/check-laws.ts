import type { Scenario } from '../scenario/schema.ts';
import {
  checkScenario,
  type ScenarioCheckOptions,
  type ScenarioLawReport,
} from '../testing/check/check-scenario.ts';
import { LAW_NAMES } from '../testing/laws/index.ts';
import { type LawReply, type LawTask, lawReportOf } from './law-task.ts';
import { rebuildError } from './unit-messages.ts';
import { createWorkerPool } from './worker-pool.ts';

export interface CheckLawsOptions extends Omit<ScenarioCheckOptions, 'subject'> {
  /** Worker threads (default 1: this thread, one law after another). */
  readonly workers?: number;
}

/**
 * `faultline check` over worker threads: each law is one independent fast-check run from the same seed,
 * so laws go to different threads and give the reports one thread gives, told in law order. The trials
 * of one law cannot be split: each generated scenario and the shrinking follow from the one before.
 */
export async function checkLaws(scenario: Scenario, options: CheckLawsOptions): Promise<ScenarioLawReport[]> {
  const { workers: asked = 1, laws = LAW_NAMES, onReport, ...check } = options;
  const workers = Math.min(asked, laws.length);
  if (workers <= 1) return checkScenario(scenario, options);
  const pool = createWorkerPool(workers);
  try {
    const replies = laws.map((law) => {
      const task: LawTask = { scenario, law, options: check };
      return pool.run(task, { name: 'checkLawTask' }) as Promise<LawReply>;
    });
    // Every reply is awaited in order, and none left unhandled if an earlier one throws.
    for (const reply of replies) reply.catch(() => {});
    const reports: ScenarioLawReport[] = [];
    for (const pending of replies) {
      const reply = await pending;
      if (reply.state === 'error') throw rebuildError(reply.error);
      const report = lawReportOf(reply.report);
      onReport?.(report);
      reports.push(report);
    }
    return reports;
  } finally {
    await pool.destroy();
  }
}
