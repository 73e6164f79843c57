import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import { BENCH_SCHEMA_VERSION } from '../run-bench.ts';

const columnSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(['ns', 'µs', 'ms', 's', 'req/s', 'share', 'count', 'MB', 'x']),
  better: z.enum(['lower', 'higher']).optional(),
  chart: z.boolean().optional(),
});

const tableSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  columns: z.array(columnSchema),
  rows: z.array(
    z.object({
      name: z.string(),
      values: z.record(z.string(), z.number()),
      derived: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
});

/** What --compare needs from an older report; unknown fields are tolerated so newer reports still read. */
const reportSchema = z.object({
  schemaVersion: z.literal(BENCH_SCHEMA_VERSION),
  quick: z.boolean(),
  injectedDelayUs: z.number().optional(),
  environment: z.looseObject({ startedAt: z.string(), node: z.string() }),
  suites: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      tables: z.array(tableSchema),
      targets: z.array(
        z.object({ name: z.string(), target: z.string(), measured: z.string(), met: z.boolean() }),
      ),
      notes: z.array(z.string()),
      wallSeconds: z.number(),
    }),
  ),
});

export type StoredReport = z.output<typeof reportSchema>;

/** Reads a report written by `faultline bench` (the .json next to the .md). */
export async function readBenchReport(file: string): Promise<StoredReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FaultlineError('BENCH_REPORT_UNREADABLE', `Cannot read ${file}: ${(error as Error).message}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new FaultlineError(
      'BENCH_REPORT_INVALID',
      `${file} is not JSON: give the .json a bench run wrote.`,
    );
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FaultlineError(
      'BENCH_REPORT_INVALID',
      `${file} is not a faultline bench report (${issue?.path.join('.') || 'top level'}: ${issue?.message}): give the .json a bench run wrote.`,
    );
  }
  return parsed.data;
}
