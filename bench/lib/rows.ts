import type { Row } from './types.ts';

/** A row of `top ÷ bottom` for every column both rows measured: computed, never typed in. */
export function ratioRow(name: string, top: Row, bottom: Row): Row {
  const values: Record<string, number> = {};
  for (const [key, value] of Object.entries(top.values)) {
    const under = bottom.values[key];
    if (under !== undefined && under !== 0) values[key] = value / under;
  }
  return { name, values, derived: true };
}
