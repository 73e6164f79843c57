import { describe, expect, it } from 'vitest';
import {
  builtInStack,
  checkLaw,
  LAW_NAMES,
  LAWS,
  type LawReport,
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
