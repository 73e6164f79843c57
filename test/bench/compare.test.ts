import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../../bench/lib/types.ts';
import { type ComparableReport, compareReports, formatComparison } from '../../bench/report/compare.ts';

const COLUMNS: Column[] = [
  { key: 'ns', label: 'per call', unit: 'ns', better: 'lower' },
  { key: 'rate', label: 'rate', unit: 'req/s', better: 'higher' },
  { key: 'info', label: 'info', unit: 'x' },
];

function report(rows: Row[], startedAt = '2026-01-01T00:00:00.000Z'): ComparableReport {
  return {
    quick: false,
    environment: { startedAt, node: 'v20.0.0' },
    suites: [{ name: 'suite', tables: [{ id: 't', title: 'T', columns: COLUMNS, rows }] }],
  };
}

const before = report([
  { name: 'a', values: { ns: 100, rate: 1000, info: 1 } },
  { name: 'b', values: { ns: 100, rate: 1000, info: 1 } },
  { name: 'gone', values: { ns: 100 } },
  { name: 'a ÷ b', values: { ns: 1 }, derived: true },
]);

describe('compareReports', () => {
  it('flags a figure only when it is worse than the threshold allows, in its own direction', () => {
    const after = report([
      // 1.3× slower and a third less throughput: both beyond ×1.25.
      { name: 'a', values: { ns: 130, rate: 750, info: 9 } },
      // 1.2× slower, ÷1.2 the rate: within the noise; the ratio row moves a lot but is never judged.
      { name: 'b', values: { ns: 120, rate: 1000 / 1.2, info: 1 } },
      { name: 'a ÷ b', values: { ns: 50 }, derived: true },
    ]);
    const comparison = compareReports(before, after, 0.25);
    const verdict = (where: string) => comparison.changes.find((c) => c.where === where)?.verdict;
    expect(verdict('suite › t › a › per call')).toBe('regression');
    expect(verdict('suite › t › a › rate')).toBe('regression');
    expect(verdict('suite › t › a › info')).toBe('not judged');
    expect(verdict('suite › t › b › per call')).toBe('within noise');
    expect(verdict('suite › t › b › rate')).toBe('within noise');
    expect(comparison.changes.some((c) => c.where.includes('a ÷ b'))).toBe(false);
    expect(comparison.regressions.map((c) => c.where)).toEqual([
      'suite › t › a › per call',
      'suite › t › a › rate',
    ]);
    expect(comparison.missing).toEqual(['suite › t › gone › per call']);
  });

  it('calls a figure better when it improved beyond the threshold, and never a regression', () => {
    const after = report([{ name: 'a', values: { ns: 50, rate: 3000 } }]);
    const comparison = compareReports(before, after, 0.25);
    expect(comparison.changes.map((c) => c.verdict)).toEqual(['improvement', 'improvement']);
    expect(comparison.regressions).toEqual([]);
  });

  it('prints one line per figure with before, after and the change, then the count of regressions', () => {
    const after = report([{ name: 'a', values: { ns: 200, rate: 1000 } }], '2026-02-01T00:00:00.000Z');
    const text = formatComparison(compareReports(before, after), before, after);
    const lines = text.split('\n');
    expect(lines[0]).toContain('2026-01-01T00:00:00.000Z');
    expect(lines[0]).toContain('×1.25');
    expect(lines.find((l) => l.startsWith('suite › t › a › per call'))).toMatch(
      /100 ns → +200 ns +\+100\.0% +REGRESSION$/,
    );
    expect(lines.find((l) => l.startsWith('suite › t › a › rate'))).toMatch(/\+0\.0% *$/);
    expect(lines.at(-1)).toBe('1 regression(s) beyond the noise threshold, of 2 judged figures.');
  });
});
