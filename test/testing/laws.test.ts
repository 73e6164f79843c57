import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyEventType } from '../../src/policies/events.ts';
import {
  builtInStack,
  checkLaw,
  LAW_NAMES,
  LAWS,
  type LawName,
  type LawReport,
  runTrial,
  scenarioArbitrary,
} from '../../src/testing/index.ts';

/** Generated scenarios per law; each runs as a whole simulation (a few dozen requests) on the virtual clock. */
const RUNS = 500;
/** Fixed, so CI is reproducible; a failure prints its seed and path, and the code to replay it. */
const SEED = 20261126;

function explain(report: LawReport): string {
  if (report.status === 'held') return 'held';
  return [
    `law ${report.law.name} broken: ${report.violation.message}`,
    `replay: checkLaw(LAWS['${report.law.name}'], builtInStack, scenarioArbitrary(), { seed: ${report.seed}, path: '${report.path}' })`,
    `counterexample: ${JSON.stringify(report.counterexample)}`,
  ].join('\n');
}

describe('the built-in policy stack obeys every resilience law', () => {
  for (const name of LAW_NAMES) {
    const law = LAWS[name];
    it(`${name}: ${law.statement} (${RUNS} generated scenarios it applies to)`, async () => {
      const applicable = scenarioArbitrary().filter((scenario) => law.notApplicable(scenario) === undefined);
      const report = await checkLaw(law, builtInStack, applicable, { runs: RUNS, seed: SEED });
      expect(report.status, explain(report)).toBe('held');
      expect(report.runs).toBe(RUNS);
    }, 60_000);
  }
});

describe('the generated scenarios exercise what the laws are about', () => {
  const SAMPLES = 200;
  // A law that held only because nothing happened would prove nothing: the share of generated runs (among
  // those the law applies to) in which the stack actually did the thing it governs.
  const cases: [LawName, PolicyEventType, number][] = [
    ['half-open-probes', 'breaker-half-open', 0.08],
    ['breaker-blocks', 'breaker-rejected', 0.15],
    ['cache-hits', 'cache-hit', 0.3],
    ['fallback-once', 'fallback', 0.3],
    ['bulkhead-limit', 'bulkhead-rejected', 0.1],
    ['timeout-bounds', 'timeout', 0.2],
    ['backoff-bounds', 'retry', 0.2],
  ];
  it.each(cases)(
    '%s: at least some runs show %s (share above %s)',
    async (name, type, share) => {
      const law = LAWS[name];
      const applicable = scenarioArbitrary().filter((scenario) => law.notApplicable(scenario) === undefined);
      let seen = 0;
      for (const scenario of fc.sample(applicable, { numRuns: SAMPLES, seed: SEED })) {
        const trace = await runTrial(builtInStack, scenario);
        if (trace.entries.some((entry) => entry.kind === 'event' && entry.event.type === type)) seen++;
      }
      expect(seen / SAMPLES).toBeGreaterThan(share);
    },
    30_000,
  );
});
