import { Document, isPair, isScalar, visit } from 'yaml';
import type { Scenario } from '../../scenario/schema.ts';
import { formatDuration } from '../../util/duration.ts';

/** Fields holding a duration in ms, written back as "500ms", "2s" so the file reads like a hand-written one. */
const DURATION_KEYS = new Set([
  'from',
  'to',
  'after',
  'up',
  'down',
  'window',
  'retryAfter',
  'thinkTime',
  'duration',
  'initialDelay',
  'maxDelay',
  'delay',
  'maxRetryAfter',
  'halfOpenAfter',
  'ttl',
  'staleIfError',
]);

/** Values copied as they are: ramps, latency distributions, plugin options and fallback values are not durations. */
const VERBATIM_KEYS = new Set(['errorRate', 'latencyMs', 'distribution', 'options', 'value']);

export interface CounterexampleNotes {
  /** Comment lines put before the scenario (what broke, how it was found). */
  readonly header: readonly string[];
}

/**
 * A counterexample as a scenario file `faultline run` accepts: seed, backends, topology, policies,
 * workload and phases (the original's hypotheses are left out: they may name phases it no longer has).
 */
export function counterexampleYaml(scenario: Scenario, notes: CounterexampleNotes): string {
  const data = {
    name: `${scenario.name}-counterexample`,
    ...(scenario.description !== undefined && { description: scenario.description }),
    seed: scenario.seed ?? 0,
    backends: scenario.backends,
    ...(scenario.topology.type !== 'single' && { topology: scenario.topology }),
    policies: readable(scenario.policies),
    workload: readable(scenario.workload),
    phases: readable(scenario.phases),
  };
  const comments = notes.header.map((line) => `# ${line}`.trimEnd()).join('\n');
  return `${comments}\n${compactYaml(data)}`;
}

/** Block style, except that a map or list of a few plain values goes on one line: `{ kind: error, status: 503 }`. */
function compactYaml(data: unknown): string {
  const doc = new Document(data);
  const flat = (items: readonly unknown[]) =>
    items.length <= 6 && items.every((item) => isScalar(item) || (isPair(item) && isScalar(item.value)));
  visit(doc, {
    Map: (_key, node) => {
      if (flat(node.items)) node.flow = true;
    },
    Seq: (_key, node) => {
      if (flat(node.items)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readable);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => {
        if (VERBATIM_KEYS.has(key)) return [key, field];
        if (DURATION_KEYS.has(key) && typeof field === 'number') return [key, formatDuration(field)];
        return [key, readable(field)];
      }),
  );
}
