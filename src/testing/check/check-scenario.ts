import type { Scenario } from '../../scenario/schema.ts';
import type { Workload } from '../../workload/schema.ts';
import { variationsOf } from '../arbitraries/scenario.ts';
import { LAWS, type LawName } from '../laws/index.ts';
import type { Law } from '../laws/law.ts';
import { builtInStack, type LawSubject } from '../trial/subject.ts';
import { type CheckOptions, checkLaw, type LawReport } from './check-law.ts';

export type ScenarioLawReport =
  | LawReport
  | { readonly law: Law; readonly status: 'not-applicable'; readonly reason: string };

export interface ScenarioCheckOptions extends Omit<CheckOptions, 'examples'> {
  /** Laws to check, in order; all of them by default. */
  readonly laws?: readonly LawName[];
  /** The client held to the laws; the built-in policy stack by default. */
  readonly subject?: LawSubject;
  /** Called as each law finishes, for output while the rest still run. */
  readonly onReport?: (report: ScenarioLawReport) => void;
}

/** The scenario as written is tried first when it is small enough to run in a moment. */
const MAX_EXAMPLE_REQUESTS = 1000;

/**
 * Checks the laws on a scenario's policies and backends: each law runs on variations of the scenario
 * (generated workloads, fault timelines and seeds on a time scale fitted to its policies), starting with
 * the scenario itself when it is small. What `faultline check` runs.
 */
export async function checkScenario(
  scenario: Scenario,
  options: ScenarioCheckOptions = {},
): Promise<ScenarioLawReport[]> {
  const { laws = Object.keys(LAWS) as LawName[], subject = builtInStack, onReport, ...check } = options;
  const examples = expectedRequests(scenario.workload) <= MAX_EXAMPLE_REQUESTS ? [scenario] : [];
  const reports: ScenarioLawReport[] = [];
  for (const name of laws) {
    const law: Law = LAWS[name];
    const reason = law.notApplicable(scenario);
    const report: ScenarioLawReport =
      reason === undefined
        ? await checkLaw(law, subject, variationsOf(scenario), { ...check, examples })
        : { law, status: 'not-applicable', reason };
    onReport?.(report);
    reports.push(report);
  }
  return reports;
}

/** About how many requests a workload sends (infinite when only a closed loop's duration bounds it). */
function expectedRequests(workload: Workload): number {
  const byDuration =
    workload.model === 'open' && workload.duration !== undefined
      ? (workload.rate * workload.duration) / 1000
      : Number.POSITIVE_INFINITY;
  return Math.min(workload.requests ?? Number.POSITIVE_INFINITY, byDuration);
}
