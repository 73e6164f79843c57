import type { SweepReport } from '../../sweep/sweep-report.ts';
import { planLine, recommendationText, rowCells, sweepHead, sweepRows } from './rows.ts';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The sweep as a markdown table (a PR comment, a README), recommended variant first. */
export function renderSweepMarkdown(report: SweepReport): string {
  const head = sweepHead(report).map((h) => (h === '' ? 'notes' : h));
  const lines = [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 || i > report.plan.dimensions.length ? '---:' : '---')).join(' | ')} |`,
    ...sweepRows(report).map((row) => `| ${rowCells(row).map(cell).join(' | ')} |`),
  ];
  return `${planLine(report)}\n\n${lines.join('\n')}\n\n${recommendationText(report)}\n`;
}
