import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSweepMarkdown } from '../../src/report/sweep/markdown.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import { buildSweepPlan } from '../../src/sweep/build-plan.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import { buildSweepReport } from '../../src/sweep/sweep-report.ts';
import { sha256 } from '../../src/util/sha256.ts';

const REPO = resolve(import.meta.dirname, '../..');
const FILE = 'scenarios/retry-storm.yaml';
/** The README's worked example, exactly as its text shows the command. */
const EXAMPLE_VARY = ['policies.retry.maxAttempts=1,3,5', 'policies.breaker.strategy.threshold=10,50,200'];
const MARKERS = /(<!-- sweep-example:start -->\n)([\s\S]*?)(\n<!-- sweep-example:end -->)/;

describe('README: Tuning policies with a sweep', () => {
  // Regenerate with: UPDATE_README=1 npx vitest run test/sweep/readme-example.test.ts
  it('shows the output the worked example really produces', async () => {
    const absolute = resolve(REPO, FILE);
    const { scenario } = await loadScenarioFile(absolute);
    const plan = buildSweepPlan({
      file: FILE,
      scenario,
      scenarioSha256: sha256(readFileSync(absolute)),
      vary: EXAMPLE_VARY,
      seeds: 3,
    });
    const report = buildSweepReport(plan, await runSweep(plan, { absolute, settings: {} }));
    const expected = renderSweepMarkdown(report).trimEnd();
    const readme = readFileSync(resolve(REPO, 'README.md'), 'utf8');
    if (process.env.UPDATE_README === '1') {
      writeFileSync(
        resolve(REPO, 'README.md'),
        readme.replace(MARKERS, (_, start, _old, end) => `${start}${expected}${end}`),
      );
    }
    const section = MARKERS.exec(readFileSync(resolve(REPO, 'README.md'), 'utf8'))?.[2];
    expect(section).toBe(expected);
  }, 120_000);
});
