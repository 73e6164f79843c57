import type { Better, Table, Unit } from '../lib/types.ts';
import { formatValue } from './format.ts';

/** Default noise threshold: a timing must move by more than this (as a ratio) to be flagged. */
export const DEFAULT_THRESHOLD = 0.25;

/** What a comparison reads from a report; a fresh run and a stored .json both fit. */
export interface ComparableReport {
  readonly quick: boolean;
  readonly environment: { readonly startedAt: string; readonly node: string };
  readonly suites: readonly { readonly name: string; readonly tables: readonly Table[] }[];
}

export interface Change {
  readonly where: string;
  readonly unit: Unit;
  readonly before: number;
  readonly after: number;
  /** after ÷ before. */
  readonly ratio: number;
  readonly better?: Better;
  readonly verdict: 'regression' | 'improvement' | 'within noise' | 'not judged';
}

export interface Comparison {
  readonly threshold: number;
  readonly changes: readonly Change[];
  readonly regressions: readonly Change[];
  /** Rows of the older report this run did not measure (another suite selection, a renamed row). */
  readonly missing: readonly string[];
}

/**
 * Matches cells by suite, table id, row name and column key, and judges each that has a direction: worse
 * by more than `threshold` (as a ratio, so 0.25 means ×1.25 slower or ÷1.25 the throughput) is a
 * regression. Ratio rows and columns without a direction are listed but never judged.
 */
export function compareReports(
  older: ComparableReport,
  newer: ComparableReport,
  threshold = DEFAULT_THRESHOLD,
): Comparison {
  const before = cells(older);
  const after = cells(newer);
  const changes: Change[] = [];
  for (const [where, cell] of after) {
    const old = before.get(where);
    if (!old || !(old.value > 0) || !Number.isFinite(cell.value)) continue;
    const ratio = cell.value / old.value;
    changes.push({
      where,
      unit: cell.unit,
      before: old.value,
      after: cell.value,
      ratio,
      better: cell.better,
      verdict: judge(ratio, cell.better, threshold),
    });
  }
  return {
    threshold,
    changes,
    regressions: changes.filter((change) => change.verdict === 'regression'),
    missing: [...before.keys()].filter((where) => !after.has(where)),
  };
}

function judge(ratio: number, better: Better | undefined, threshold: number): Change['verdict'] {
  if (!better) return 'not judged';
  const worse = better === 'lower' ? ratio : 1 / ratio;
  if (worse > 1 + threshold) return 'regression';
  if (worse < 1 / (1 + threshold)) return 'improvement';
  return 'within noise';
}

interface Cell {
  readonly value: number;
  readonly unit: Unit;
  readonly better?: Better;
}

function cells(report: ComparableReport): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const suite of report.suites) {
    for (const table of suite.tables) {
      for (const row of table.rows) {
        if (row.derived) continue;
        for (const column of table.columns) {
          const value = row.values[column.key];
          if (value === undefined) continue;
          const where = `${suite.name} › ${table.id} › ${row.name} › ${column.label}`;
          out.set(where, { value, unit: column.unit, better: column.better });
        }
      }
    }
  }
  return out;
}

const MARK: Record<Change['verdict'], string> = {
  regression: 'REGRESSION',
  improvement: 'better',
  'within noise': '',
  'not judged': '(not judged)',
};

/** One line per compared cell, then the verdict; for a terminal or a CI log. */
export function formatComparison(
  comparison: Comparison,
  older: ComparableReport,
  newer: ComparableReport,
): string {
  const width = Math.max(20, ...comparison.changes.map((change) => change.where.length));
  const lines = [
    `Compared with ${older.environment.startedAt} (${older.environment.node}); now ${newer.environment.startedAt} (${newer.environment.node}). Noise threshold ×${(1 + comparison.threshold).toFixed(2)}.`,
  ];
  if (older.quick !== newer.quick)
    lines.push('Warning: one of the two runs is a quick run; its figures mean nothing.');
  for (const change of comparison.changes) {
    const pct = (change.ratio - 1) * 100;
    lines.push(
      `${change.where.padEnd(width)}  ${formatValue(change.before, change.unit).padStart(12)} → ${formatValue(change.after, change.unit).padStart(12)}  ${`${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`.padStart(8)}  ${MARK[change.verdict]}`,
    );
  }
  for (const where of comparison.missing) lines.push(`${where.padEnd(width)}  not measured in this run`);
  const judged = comparison.changes.filter((change) => change.verdict !== 'not judged').length;
  lines.push(
    comparison.regressions.length > 0
      ? `${comparison.regressions.length} regression(s) beyond the noise threshold, of ${judged} judged figures.`
      : `No regression beyond the noise threshold (${judged} judged figures).`,
  );
  return lines.join('\n');
}
