import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMarkdownReporter, renderMarkdown } from '../../../src/report/reporters/markdown.ts';
import { context, hypothesis, makeResult, outcome, twoScenarioSummary } from './fixture.ts';

/** Rows of the table whose header starts with `header` (separator row excluded). */
function tableRows(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('markdown reporter', () => {
  it('has one hypothesis row per hypothesis and one scenario row per scenario', () => {
    const md = renderMarkdown(twoScenarioSummary());
    expect(tableRows(md, '| Scenario | Hypothesis |')).toHaveLength(5);
    expect(tableRows(md, '| Scenario | Verdict |')).toHaveLength(2);
    expect(md).toContain('hypotheses failed');
    expect(md).toContain('Hypotheses: 4 of 5 held.');
  });

  it('keeps a pipe or a newline in a name from breaking the table', () => {
    const result = makeResult({ hypotheses: [hypothesis({ name: 'a | b\nc <img>' })] });
    const md = renderMarkdown({ outcomes: [outcome(result)], notRun: [], interrupted: false, wallMs: 1 });
    const [row] = tableRows(md, '| Scenario | Hypothesis |');
    expect(row).toContain('a \\| b c &lt;img&gt;');
    // Six cell separators: five columns.
    expect(row?.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(6);
  });

  it('writes summary.md and appends to $GITHUB_STEP_SUMMARY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-md-'));
    const stepSummary = join(dir, 'step-summary.md');
    writeFileSync(stepSummary, 'earlier step\n');
    const { ctx } = context(join(dir, 'out'), { GITHUB_STEP_SUMMARY: stepSummary });
    await createMarkdownReporter({}, ctx).onRunEnd?.(twoScenarioSummary());
    const written = readFileSync(join(dir, 'out', 'summary.md'), 'utf8');
    expect(readFileSync(stepSummary, 'utf8')).toBe(`earlier step\n${written}\n`);
  });
});
