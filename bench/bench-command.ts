/**
 * What `faultline bench` does once its options are parsed: run the suites and write the reports, or
 * compare with an older report (exit 1 when a figure regressed beyond the noise threshold, for CI).
 */
import { FaultlineError } from '../src/errors/faultline-error.ts';
import { type ComparableReport, compareReports, formatComparison } from './report/compare.ts';
import { renderMarkdown } from './report/markdown.ts';
import { readBenchReport } from './report/read-report.ts';
import { updateReadme } from './report/readme-section.ts';
import { writeBenchReport } from './report/write-report.ts';
import { runBench } from './run-bench.ts';
import type { SuiteName } from './suites/index.ts';

export interface BenchCommandOptions {
  readonly suites?: readonly SuiteName[];
  readonly quick?: boolean;
  /** Where <date>.json/.md/.html go; nothing is written when absent. */
  readonly outDir?: string;
  /** An older report to compare this run (or `current`) with. */
  readonly compare?: string;
  /** Compare this report instead of running: `--compare old.json --current new.json`. */
  readonly current?: string;
  readonly threshold?: number;
  readonly scenarioFile?: string;
  /** Rewrite the reference-table section of this README. */
  readonly readme?: string;
  readonly injectDelayUs?: number;
  /** The report (markdown) and the comparison. */
  readonly print: (text: string) => void;
  /** Progress. */
  readonly log: (line: string) => void;
}

export interface BenchCommandOutcome {
  readonly regressions: number;
  readonly written?: { readonly json: string; readonly markdown: string; readonly html: string };
}

export async function benchCommand(options: BenchCommandOptions): Promise<BenchCommandOutcome> {
  if (options.current && !options.compare) {
    throw new FaultlineError('BENCH_USAGE', '--current needs --compare <older.json> to compare it with.');
  }
  const older = options.compare ? await readBenchReport(options.compare) : undefined;
  if (options.current && older) {
    return { regressions: printComparison(options, older, await readBenchReport(options.current)) };
  }
  const report = await runBench({
    suites: options.suites,
    quick: options.quick,
    scenarioFile: options.scenarioFile,
    injectDelayUs: options.injectDelayUs,
    log: options.log,
  });
  options.print(renderMarkdown(report));
  const written = options.outDir ? await writeBenchReport(report, options.outDir) : undefined;
  if (written) options.log(`bench: wrote ${written.markdown}, ${written.json} and ${written.html}`);
  if (options.readme) {
    await updateReadme(options.readme, report);
    options.log(`bench: updated the reference table in ${options.readme}`);
  }
  return { regressions: older ? printComparison(options, older, report) : 0, written };
}

function printComparison(
  options: BenchCommandOptions,
  older: ComparableReport,
  newer: ComparableReport,
): number {
  const comparison = compareReports(older, newer, options.threshold);
  options.print(formatComparison(comparison, older, newer));
  return comparison.regressions.length;
}
