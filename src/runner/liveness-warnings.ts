import type { Scenario } from '../scenario/schema.ts';

/** Fault kinds that fail calls instead of only delaying them. */
const FAILING_KINDS = new Set(['error', 'network', 'fail-first', 'flapping', 'degradation', 'rate-limit']);

/**
 * Why a scenario may stop making progress on virtual time, for `validate`: closed-loop clients with no
 * think time resend the moment a call ends, so calls that end in 0 ms (a breaker rejection, a cache hit,
 * a failure from a backend that gives failures no latency) can keep time from ever moving. The run then
 * stops with SIMULATION_NO_PROGRESS; the warning says so before it runs.
 */
export function livenessWarnings(scenario: Scenario): string[] {
  const { workload, policies } = scenario;
  if (workload.model !== 'closed' || workload.thinkTime > 0) return [];
  const instant: string[] = [];
  if (policies.breaker) instant.push('an open breaker rejects calls in 0 ms');
  if (policies.cache) instant.push('cache hits answer in 0 ms');
  const failing = scenario.phases.some((phase) =>
    phase.faults.some((fault) => FAILING_KINDS.has(fault.kind)),
  );
  const others = Object.entries(scenario.backends).filter(([, ref]) => ref.plugin !== 'mock-analysis');
  if (failing && others.length > 0) {
    instant.push(
      `backend ${others.map(([name]) => `"${name}"`).join(', ')} may deliver injected failures in 0 ms (mock-analysis gives them a round trip)`,
    );
  }
  if (instant.length === 0) return [];
  return [
    `closed-loop clients with no think time resend at once, and ${instant.join('; ')}: virtual time may stop moving (the run then ends with SIMULATION_NO_PROGRESS); give workload.thinkTime a value, e.g. 100ms`,
  ];
}
