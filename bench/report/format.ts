import type { Column, Row, Unit } from '../lib/types.ts';

const grouped = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Enough digits to read, never so many that noise looks like signal. */
function significant(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100 || (abs >= 1 && Number.isInteger(value))) return grouped(value);
  if (abs >= 10) return grouped(value, 1);
  if (abs >= 1) return grouped(value, 2);
  return value === 0 ? '0' : value.toPrecision(2);
}

export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(Math.abs(value) < 0.01 && value !== 0 ? 2 : 1)}%`;
    case 'count':
      return grouped(value);
    case 'x':
      return `${significant(value)}×`;
    case 'req/s':
      return `${significant(value)}/s`;
    default:
      return `${significant(value)} ${unit}`;
  }
}

export function formatRatio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : `${significant(value)}×`;
}

/** A cell as shown: derived rows hold ratios whatever their column's unit. */
export function formatCell(row: Row, column: Column): string {
  const value = row.values[column.key];
  return row.derived ? formatRatio(value) : formatValue(value, column.unit);
}

/** Column heading with its direction, so a reader knows which way is good. */
export function heading(column: Column): string {
  const arrow = column.better === 'lower' ? ' ↓' : column.better === 'higher' ? ' ↑' : '';
  return `${column.label}${arrow}`;
}
