import { ScenarioError } from '../errors/faultline-error.ts';
import type { MetricName } from '../hypotheses/schema.ts';
import { formatDuration } from '../util/duration.ts';
import { MAX_TOTAL_CALLS } from './limits.ts';
import type { Scenario } from './schema.ts';

export interface SemanticOptions {
  /** The --duration override, which decides the work estimate. */
  readonly durationMs?: number;
  /** --force: run even when the work estimate is over the limit. */
  readonly force?: boolean;
  /** The run is forced onto the real clock (--real-time, --real-backend). */
  readonly realTime?: boolean;
  /** Told when --force lets an over-limit run go ahead. */
  readonly warn?: (message: string) => void;
}

/**
 * Checks the schema cannot make, so that no verdict rests on nothing: phase names are unique (a
 * hypothesis names one), each phase ends after it starts and starts before the run ends, every
 * hypothesis's metric is one the scenario's policies produce, the run's work is within what one machine
 * can do, and a simulation never waits on a real server.
 */
export function checkSemantics(scenario: Scenario, file: string, options: SemanticOptions = {}): void {
  // Phases are checked against the scenario's own run: a --duration that cuts it short is the user's
  // choice, and a hypothesis on a phase it cuts off is then reported as "no evidence".
  checkPhases(scenario, file, scenario.workload.duration);
  checkMetrics(scenario, file);
  checkWork(scenario, file, options);
  checkClock(scenario, file, options);
}

function fail(
  file: string,
  code: ConstructorParameters<typeof ScenarioError>[0],
  path: string,
  problem: string,
) {
  throw new ScenarioError(code, file, problem, { path });
}

function checkPhases(scenario: Scenario, file: string, runMs: number | undefined): void {
  const seen = new Map<string, number>();
  for (const [i, phase] of scenario.phases.entries()) {
    const first = seen.get(phase.name);
    if (first !== undefined) {
      fail(
        file,
        'SCENARIO_PHASES_INVALID',
        `phases[${i}].name`,
        `phase name "${phase.name}" is also phases[${first}]'s; a hypothesis could only judge one of them, so rename one`,
      );
    }
    seen.set(phase.name, i);
    if (phase.to !== undefined && phase.to <= phase.from) {
      fail(
        file,
        'SCENARIO_PHASES_INVALID',
        `phases[${i}].to`,
        `phase "${phase.name}" ends at ${formatDuration(phase.to)}, not after it starts at ${formatDuration(phase.from)}; make \`to\` later than \`from\``,
      );
    }
    if (runMs !== undefined && phase.from >= runMs) {
      fail(
        file,
        'SCENARIO_PHASES_INVALID',
        `phases[${i}].from`,
        `phase "${phase.name}" starts at ${formatDuration(phase.from)}, when the ${formatDuration(runMs)} run has ended; no request would reach it, so start it earlier or lengthen the workload`,
      );
    }
  }
}

/** Metrics that only a policy produces: without it they read 0 whatever happens. */
const NEEDS_POLICY: Partial<Record<MetricName, keyof Scenario['policies']>> = {
  'cache.hitRatio': 'cache',
  fallbackRate: 'fallback',
  'breaker.openTime': 'breaker',
  'breaker.openRatio': 'breaker',
  'breaker.opened': 'breaker',
};

function checkMetrics(scenario: Scenario, file: string): void {
  for (const [i, hypothesis] of scenario.hypotheses.entries()) {
    const policy = NEEDS_POLICY[hypothesis.metric];
    if (policy && scenario.policies[policy] === undefined) {
      fail(
        file,
        'SCENARIO_NO_EVIDENCE',
        `hypotheses[${i}]`,
        `${hypothesis.metric} is only measured with policies.${policy}, which this scenario does not set, so it would be judged on nothing; add the policy or drop the hypothesis`,
      );
    }
  }
}

/** Backend calls the run may make: requests × attempts × backends each request reaches. */
export function estimateCalls(scenario: Scenario, durationMs?: number): number {
  const w = scenario.workload;
  const runMs = durationMs ?? w.duration;
  const byTime =
    runMs === undefined
      ? Number.POSITIVE_INFINITY
      : w.model === 'open'
        ? (w.rate * runMs) / 1000
        : (w.clients * runMs) / Math.max(w.thinkTime, 1);
  const requests = Math.min(w.requests ?? Number.POSITIVE_INFINITY, byTime);
  const attempts = scenario.policies.retry?.maxAttempts ?? 1;
  const t = scenario.topology;
  const backends = t.type === 'fan-out' ? t.backends.length : t.type === 'failover' ? t.order.length : 1;
  return Math.ceil(requests * attempts * backends);
}

function checkWork(scenario: Scenario, file: string, options: SemanticOptions): void {
  const calls = estimateCalls(scenario, options.durationMs);
  if (calls <= MAX_TOTAL_CALLS) return;
  if (options.force) {
    options.warn?.(
      `${file}: the run could make ${calls.toExponential(2)} backend calls, over the ${MAX_TOTAL_CALLS.toLocaleString('en-US')} limit (MAX_TOTAL_CALLS); running it anyway (--force)`,
    );
    return;
  }
  fail(
    file,
    'SCENARIO_TOO_MUCH_WORK',
    'workload',
    `the run could make ${calls.toExponential(2)} backend calls (requests × attempts × backends), over the ${MAX_TOTAL_CALLS.toLocaleString('en-US')} limit (MAX_TOTAL_CALLS); shorten the workload or lower its rate, or pass --force to run it anyway`,
  );
}

/** A simulation runs on virtual time; a real server answers in real time, so every call would time out. */
function checkClock(scenario: Scenario, file: string, options: SemanticOptions): void {
  if (options.realTime ?? scenario.mode === 'real-time') return;
  for (const [name, ref] of Object.entries(scenario.backends)) {
    if (ref.plugin !== 'http') continue;
    fail(
      file,
      'SCENARIO_NEEDS_REAL_TIME',
      `backends.${name}.plugin`,
      'the http plugin calls a real server, which a simulation on virtual time cannot wait for; set `mode: real-time` or pass --real-time',
    );
  }
}
