import { readFile, writeFile } from 'node:fs/promises';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import type { BenchReport } from '../run-bench.ts';
import { environmentLines, tableSection, targetsTable, VARIES_NOTE } from './markdown.ts';

export const README_COMMAND = 'npm run bench -- --readme README.md';

/** The README parts a run can regenerate, each between its own pair of markers. */
const SECTIONS = {
  'cached-vs-uncached': referenceSection,
  targets: targetsSection,
} as const satisfies Record<string, (report: BenchReport) => string | undefined>;

export const markers = (name: keyof typeof SECTIONS) =>
  [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`] as const;

/** The reference table as pasted into the README: the run's own figures, with where they came from. */
function referenceSection(report: BenchReport): string | undefined {
  const suite = report.suites.find((candidate) => candidate.name === 'cached-vs-uncached');
  if (!suite) return undefined;
  const tables = suite.tables.map((table) => tableSection(table).replace(/^### /, '#### '));
  return [
    `Measured ${report.environment.startedAt.slice(0, 10)}; regenerate with \`${README_COMMAND}\` (every suite) or \`${README_COMMAND} --suite cached-vs-uncached\` (this table alone).`,
    environmentLines(report.environment).join('  \n'),
    ...tables,
    ...suite.notes.map((note) => `*${note}*`),
    `*${VARIES_NOTE}*`,
  ].join('\n\n');
}

function targetsSection(report: BenchReport): string | undefined {
  const targets = report.suites.flatMap((suite) => suite.targets);
  if (targets.length === 0) return undefined;
  return [
    `Checked ${report.environment.startedAt.slice(0, 10)} on the machine above, each against figures of the same run (\`${README_COMMAND}\`):`,
    targetsTable(targets),
  ].join('\n\n');
}

/**
 * Replaces what lies between each pair of markers in `file` with that section of this run (sections the
 * run has no figures for are left as they were); the rest of the file is untouched.
 */
export async function updateReadme(file: string, report: BenchReport): Promise<void> {
  let text = await readFile(file, 'utf8');
  let updated = 0;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const [start, end] = markers(name as keyof typeof SECTIONS);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    const section = render(report);
    if (section === undefined || from < 0 || to < from) continue;
    text = `${text.slice(0, from)}${start}\n${section}\n${text.slice(to)}`;
    updated++;
  }
  if (updated === 0) {
    const [start, end] = markers('cached-vs-uncached');
    throw new FaultlineError(
      'BENCH_README_NO_SECTION',
      `Nothing to update in ${file}: it needs ${start} … ${end} markers (or the targets' pair) and a run of the suites they show.`,
    );
  }
  await writeFile(file, text);
}
