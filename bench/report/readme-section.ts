import { readFile, writeFile } from 'node:fs/promises';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import type { BenchReport } from '../run-bench.ts';
import { environmentLines, tableSection, VARIES_NOTE } from './markdown.ts';

export const README_START = '<!-- bench:cached-vs-uncached:start -->';
export const README_END = '<!-- bench:cached-vs-uncached:end -->';
export const README_COMMAND = 'npm run bench -- --suite cached-vs-uncached --readme README.md';

/** The reference table as pasted into the README: the run's own figures, with where they came from. */
export function referenceSection(report: BenchReport): string {
  const suite = report.suites.find((candidate) => candidate.name === 'cached-vs-uncached');
  if (!suite) {
    throw new FaultlineError(
      'BENCH_README_NO_REFERENCE',
      '--readme needs the cached-vs-uncached suite: add --suite cached-vs-uncached (or run every suite).',
    );
  }
  const tables = suite.tables.map((table) => tableSection(table).replace(/^### /, '#### '));
  return [
    `Regenerate with \`${README_COMMAND}\`. Measured ${report.environment.startedAt.slice(0, 10)}:`,
    environmentLines(report.environment).join('  \n'),
    ...tables,
    ...suite.notes.map((note) => `*${note}*`),
    `*${VARIES_NOTE}*`,
  ].join('\n\n');
}

/** Replaces what lies between the markers in `file` with the reference section; the rest is untouched. */
export async function updateReadme(file: string, report: BenchReport): Promise<void> {
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new FaultlineError(
      'BENCH_README_NO_MARKERS',
      `${file} has no ${README_START} … ${README_END} markers: add them where the reference table belongs.`,
    );
  }
  const section = `${README_START}\n${referenceSection(report)}\n${README_END}`;
  await writeFile(file, text.slice(0, start) + section + text.slice(end + README_END.length));
}
