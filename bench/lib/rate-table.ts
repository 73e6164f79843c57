import { measurePerCall, type PerCallTask } from './measure.ts';
import type { SuiteContext, Table } from './types.ts';

/** A measured call, with the raw-library row it is compared with. */
export interface RateRow extends PerCallTask {
  readonly versus?: string;
}

export interface RateTableSpec {
  /** The suite, for the progress log. */
  readonly suite: string;
  readonly id: string;
  readonly title: string;
  /** What the calls are; the table adds how "vs raw" is computed. */
  readonly what: string;
  /** After "the raw library's", e.g. the aim. */
  readonly aim?: string;
  /** Calls per tinybench iteration outside --quick. */
  readonly batch: number;
}

/** Calls per second and per call of each row, best of interleaved rounds, and each row's rate ÷ its raw library's. */
export async function rateTable(
  ctx: SuiteContext,
  spec: RateTableSpec,
  rows: readonly RateRow[],
): Promise<Table> {
  ctx.log(`${spec.suite}: ${spec.title}`);
  const ns = await measurePerCall(rows, {
    timeMs: ctx.quick ? 20 : 400,
    rounds: ctx.quick ? 1 : 3,
    batch: ctx.quick ? 2 : spec.batch,
  });
  const perSecond = (name: string | undefined) => (name ? 1e9 / (ns.get(name) ?? Number.NaN) : Number.NaN);
  return {
    id: spec.id,
    title: spec.title,
    description: `${spec.what}; best of interleaved rounds. “vs raw” is this row’s rate ÷ the raw library’s${spec.aim ? ` (${spec.aim})` : ''}.`,
    columns: [
      { key: 'perSecond', label: 'calls/s', unit: 'req/s', better: 'higher', chart: true },
      { key: 'perCallUs', label: 'per call', unit: 'µs', better: 'lower' },
      { key: 'versusRaw', label: 'vs raw', unit: 'x' },
    ],
    rows: rows.map((row) => {
      const rate = perSecond(row.name);
      const values: Record<string, number> = { perSecond: rate, perCallUs: (ns.get(row.name) ?? 0) / 1000 };
      if (row.versus) values.versusRaw = rate / perSecond(row.versus);
      return { name: row.name, values };
    }),
  };
}
