import { appendFile } from 'node:fs/promises';
import {
  describeTotals,
  displayText,
  formatActual,
  formatExpectation,
  millis,
  percent,
  totalsOf,
  verdictOf,
} from './format.ts';
import { resolveOutputPath, writeOutputFile } from './output-file.ts';
import type { FileReporterOptions, Reporter, ReporterContext, RunSummary } from './types.ts';

const MARK = { pass: '✅ pass', fail: '❌ fail', incomplete: '⚠️ incomplete' } as const;

/**
 * A Markdown summary (scenarios, then one row per hypothesis) written to the output folder and, in
 * GitHub Actions, appended to the job summary page ($GITHUB_STEP_SUMMARY).
 */
export function createMarkdownReporter(options: FileReporterOptions, ctx: ReporterContext): Reporter {
  const output = options.output ?? 'summary.md';
  resolveOutputPath(ctx.outDir, output);
  return {
    async onRunEnd(summary) {
      const text = renderMarkdown(summary);
      await writeOutputFile(ctx.outDir, output, text);
      const stepSummary = ctx.env.GITHUB_STEP_SUMMARY;
      if (stepSummary) await appendFile(stepSummary, `${text}\n`);
    },
  };
}

export function renderMarkdown(summary: RunSummary): string {
  const totals = totalsOf(summary);
  const lines = [
    `## faultline: ${totals.failed + totals.incomplete === 0 ? 'all hypotheses held' : 'hypotheses failed'}`,
    '',
    `Scenarios: ${describeTotals(totals)}. Hypotheses: ${totals.hypotheses - totals.hypothesesFailed} of ${totals.hypotheses} held.${summary.interrupted ? ' The run was interrupted.' : ''}`,
    '',
    '| Scenario | Verdict | Seed | Requests | Availability | p99 | Backend calls / request |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...summary.outcomes.map(({ result: r }) =>
      row([
        r.scenario.name,
        MARK[verdictOf(r)],
        String(r.seed),
        String(r.requests.total),
        percent(r.availability),
        millis(r.latency.p99),
        r.backend.callsPerRequest.toFixed(2),
      ]),
    ),
    ...summary.notRun.map((plan) => row([plan.name, 'not run', String(plan.seed), '', '', '', ''])),
    '',
    '| Scenario | Hypothesis | Expected | Actual | Result |',
    '| --- | --- | --- | ---: | --- |',
    ...summary.outcomes.flatMap(({ result }) =>
      result.hypotheses.map((h) =>
        row([result.scenario.name, h.name, formatExpectation(h), formatActual(h), h.pass ? '✅' : '❌']),
      ),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** Table cells hold user strings: keep them on one line, keep `|` from splitting the cell, keep HTML inert. */
function escapeCell(text: string): string {
  return displayText(text.replace(/[\r\n]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}
