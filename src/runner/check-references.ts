import { ScenarioError } from '../errors/faultline-error.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Names used across the file must exist: topology and fallback backends, fault targets, hypothesis phases. */
export function checkReferences(scenario: Scenario, file: string): void {
  const backends = Object.keys(scenario.backends);
  const known = (name: string, path: string, what: string) => {
    if (!backends.includes(name)) {
      throw new ScenarioError(
        'SCENARIO_UNKNOWN_BACKEND',
        file,
        `${what} "${name}" is not in backends (${backends.join(', ')}); add it or fix the name`,
        { path },
      );
    }
  };
  const t = scenario.topology;
  if (t.type === 'single' && t.backend) known(t.backend, 'topology.backend', 'backend');
  if (t.type === 'failover') {
    for (const [i, n] of t.order.entries()) known(n, `topology.order[${i}]`, 'backend');
  }
  if (t.type === 'fan-out') {
    for (const [i, n] of t.backends.entries()) known(n, `topology.backends[${i}]`, 'backend');
    if (t.quorum > t.backends.length) {
      throw new ScenarioError(
        'SCENARIO_INVALID',
        file,
        `quorum ${t.quorum} exceeds the ${t.backends.length} backends; lower it`,
        { path: 'topology.quorum' },
      );
    }
  }
  if (t.type === 'load-balanced') {
    for (const [i, n] of t.backends.entries()) known(n, `topology.backends[${i}]`, 'backend');
    for (const n of Object.keys(t.weights ?? {})) known(n, `topology.weights.${n}`, 'weighted backend');
  }
  if (scenario.policies.retryBudget && !scenario.policies.retry) {
    throw new ScenarioError(
      'SCENARIO_INVALID',
      file,
      'retryBudget caps the retries of policies.retry, and there is none; add a retry or remove the budget',
      { path: 'policies.retryBudget' },
    );
  }
  checkOneCurrency(scenario, file);
  const fb = scenario.policies.fallback;
  if (fb && 'backend' in fb) known(fb.backend, 'policies.fallback.backend', 'fallback backend');
  for (const [p, phase] of scenario.phases.entries()) {
    for (const [f, fault] of phase.faults.entries()) {
      if (fault.target) known(fault.target, `phases[${p}].faults[${f}].target`, 'fault target');
    }
  }
  const phases = scenario.phases.map((p) => p.name);
  scenario.hypotheses.forEach((h, i) => {
    if (h.phase && !phases.includes(h.phase)) {
      throw new ScenarioError(
        'SCENARIO_UNKNOWN_PHASE',
        file,
        `phase "${h.phase}" is not defined (phases: ${phases.join(', ') || 'none'})`,
        { path: `hypotheses[${i}].phase` },
      );
    }
  });
}

/** Costs are summed, so every priced backend must be priced in the same currency. */
function checkOneCurrency(scenario: Scenario, file: string): void {
  let first: { name: string; currency: string } | undefined;
  for (const [name, ref] of Object.entries(scenario.backends)) {
    if (!ref.cost) continue;
    if (!first) first = { name, currency: ref.cost.currency };
    else if (ref.cost.currency !== first.currency) {
      throw new ScenarioError(
        'SCENARIO_INVALID',
        file,
        `backend "${name}" is priced in ${ref.cost.currency} but "${first.name}" in ${first.currency}; price them in one currency`,
        { path: `backends.${name}.cost.currency` },
      );
    }
  }
}
