import Table from 'cli-table3';
import type { SweepReport } from '../../sweep/sweep-report.ts';
import { planLine, recommendationText, rowCells, sweepHead, sweepRows } from './rows.ts';

/** The sweep as a terminal table, recommended variant first, then the recommendation in words. */
export function renderSweepConsole(report: SweepReport, color: boolean): string {
  const head = sweepHead(report);
  const table = new Table({
    head,
    colAligns: head.map((_, i) => (i === 0 || i > report.plan.dimensions.length ? 'right' : 'left')),
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  for (const row of sweepRows(report)) table.push(rowCells(row));
  return `${planLine(report)}\n${table.toString()}\n${recommendationText(report)}\n`;
}
