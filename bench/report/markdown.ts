import type { BenchEnvironment } from '../lib/environment.ts';
import type { SuiteResult, Table, TargetCheck } from '../lib/types.ts';
import type { BenchReport } from '../run-bench.ts';
import { formatCell, heading } from './format.ts';

export const VARIES_NOTE =
  'Figures vary by machine and by load: compare runs from the same machine (`faultline bench --compare <older.json>`).';

/** The whole report as markdown: environment, targets, then every suite's tables. */
export function renderMarkdown(report: BenchReport): string {
  const parts = [
    `# faultline bench, ${report.environment.startedAt.slice(0, 10)}`,
    environmentLines(report.environment).join('  \n'),
    warnings(report).join('\n'),
    VARIES_NOTE,
    targetsSection(report.suites.flatMap((suite) => suite.targets)),
    ...report.suites.map(suiteSection),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

export function environmentLines(env: BenchEnvironment): string[] {
  const { machine } = env;
  const packages = Object.entries(env.packages)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return [
    `Machine: ${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB, ${machine.os}; load average ${machine.loadAverage} at start`,
    `Node ${env.node} (V8 ${env.v8}), faultline ${env.faultline}, run at ${env.startedAt}`,
    `Packages: ${packages}`,
  ];
}

function warnings(report: BenchReport): string[] {
  const lines: string[] = [];
  if (report.quick)
    lines.push('> **Quick mode**: tiny sizes to check the plumbing; these figures mean nothing.');
  if (report.injectedDelayUs) {
    lines.push(
      `> **Deliberately slowed**: ${report.injectedDelayUs} µs busy-wait injected into faultline’s own calls (checking --compare).`,
    );
  }
  return lines;
}

function targetsSection(targets: readonly TargetCheck[]): string {
  return targets.length === 0 ? '' : `## Targets\n\n${targetsTable(targets)}`;
}

export function targetsTable(targets: readonly TargetCheck[]): string {
  const rows = targets.map((t) => [t.met ? 'met' : '**missed**', t.name, t.target, t.measured]);
  return markdownTable(['', 'target', 'wanted', 'measured (this run)'], rows, ['l', 'l', 'l', 'l']);
}

function suiteSection(suite: SuiteResult): string {
  const notes = suite.notes.map((note) => `- ${note}`).join('\n');
  return [`## ${suite.title} (${suite.wallSeconds} s)`, ...suite.tables.map(tableSection), notes]
    .filter(Boolean)
    .join('\n\n');
}

export function tableSection(table: Table): string {
  const header = ['', ...table.columns.map(heading)];
  const rows = table.rows.map((row) => [
    row.derived ? `*${row.name}*` : row.name,
    ...table.columns.map((column) => formatCell(row, column)),
  ]);
  const body = markdownTable(header, rows, ['l', ...table.columns.map(() => 'r' as const)]);
  const notes = table.rows.filter((row) => row.note).map((row) => `- ${row.name}: ${row.note}`);
  return [`### ${table.title}`, table.description ?? '', body, notes.join('\n')].filter(Boolean).join('\n\n');
}

function markdownTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly ('l' | 'r')[],
): string {
  const escapePipes = (cell: string) => cell.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(escapePipes).join(' | ')} |`;
  const rule = `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
