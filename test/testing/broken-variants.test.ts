import { describe, expect, it } from 'vitest';
import { builtInStack, checkLaw, LAWS, type LawReport, lawViolation } from '../../src/testing/index.ts';
import { BROKEN_VARIANTS } from './broken-variants/index.ts';

const RUNS = 300;
const SEED = 1;

type Broken = Extract<LawReport, { status: 'broken' }>;

function broken(report: LawReport): Broken {
  if (report.status !== 'broken') throw new Error(`${report.law.name} held after ${report.runs} runs`);
  return report;
}

describe('each deliberately broken policy variant is caught by its law, with a small counterexample', () => {
  for (const variant of BROKEN_VARIANTS) {
    it(`${variant.subject.name} breaks ${variant.law}`, async () => {
      const report = broken(
        await checkLaw(LAWS[variant.law], variant.subject, variant.scenarios, { runs: RUNS, seed: SEED }),
      );
      // Broken by what it did, not by a trial that crashed.
      expect(report.violation.message).not.toMatch(/^the trial failed/);
      // Shrinking leaves a timeline anyone can read: at most two phases, one request or a handful.
      expect(report.counterexample.phases.length).toBeLessThanOrEqual(2);
      expect(report.counterexample.workload.requests).toBeLessThanOrEqual(10);
    }, 60_000);
  }
});

describe('a broken law reports the seed and path that replay its counterexample', () => {
  it('replaying the seed and path gives the same counterexample and the same violation, at once', async () => {
    const [variant] = BROKEN_VARIANTS;
    if (!variant) throw new Error('no variants');
    const law = LAWS[variant.law];
    const found = broken(await checkLaw(law, variant.subject, variant.scenarios, { runs: RUNS, seed: 42 }));
    expect(found.seed).toBe(42);
    expect(found.path).toMatch(/^\d+(:\d+)*$/);

    const replayed = broken(
      await checkLaw(law, variant.subject, variant.scenarios, { seed: found.seed, path: found.path }),
    );
    expect(replayed.counterexample).toEqual(found.counterexample);
    expect(replayed.violation).toEqual(found.violation);
    expect(replayed.runs).toBe(1);
    expect(replayed.shrinks).toBe(0);
  }, 60_000);

  it('the correct stack holds on the very counterexample that breaks the variant', async () => {
    const variant = BROKEN_VARIANTS.find((v) => v.law === 'half-open-probes');
    if (!variant) throw new Error('no half-open variant');
    const law = LAWS[variant.law];
    const { counterexample } = broken(
      await checkLaw(law, variant.subject, variant.scenarios, { runs: RUNS, seed: SEED }),
    );
    expect(await lawViolation(law, builtInStack, counterexample)).toBeUndefined();
    expect(await lawViolation(law, variant.subject, counterexample)).toBeDefined();
  }, 60_000);
});
