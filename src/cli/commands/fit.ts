import { writeFile } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { parseDuration } from '../../util/duration.ts';
import { printLine, printWarning } from '../output.ts';

interface FitArgs {
  readonly recording: string;
  readonly out?: string;
  readonly report?: string;
  readonly window?: string;
  readonly name?: string;
}

/** Longest window accepted: a phase split coarser than a day says nothing. */
const MAX_WINDOW_MS = 86_400_000;

/** `faultline fit`: a recording (HAR or JSON lines) in, a fitted scenario and a fit report out. */
export const fitCommand: CommandModule<object, FitArgs> = {
  command: 'fit <recording>',
  describe: 'Fit latency distributions, failure rates and phases from recorded traffic into a scenario',
  builder: (y) =>
    y
      .positional('recording', {
        type: 'string',
        demandOption: true,
        describe: 'HAR 1.2 file, or JSON lines (.jsonl)',
      })
      .option('out', {
        type: 'string',
        describe: 'scenario file to write (default: <recording>.scenario.yaml)',
      })
      .option('report', {
        type: 'string',
        describe: 'Markdown fit report to write (default: <recording>.fit.md)',
      })
      .option('window', {
        type: 'string',
        describe: 'window of the phase split, e.g. 5s (default: ~40 requests)',
      })
      .option('name', { type: 'string', describe: 'scenario name (default: fitted-<recording>)' })
      .example('$0 fit traffic.har', 'writes traffic.scenario.yaml and traffic.fit.md'),
  handler: async (args) => {
    const windowMs = args.window === undefined ? undefined : parseDuration(args.window);
    if (windowMs !== undefined && (windowMs <= 0 || windowMs > MAX_WINDOW_MS)) {
      throw new FaultlineError(
        'FIT_USAGE',
        `--window ${args.window} is out of range: give a duration above 0 and at most 24h, e.g. 5s.`,
      );
    }
    if (args.window !== undefined && windowMs === undefined) {
      throw new FaultlineError(
        'FIT_USAGE',
        `--window "${args.window}" is not a duration: write it like 500ms, 5s or 1m.`,
      );
    }
    // Loaded on use: the fitting code and its statistics library stay off every other command's start-up.
    const { fitFile } = await import('../../fit/fit-file.ts');
    const { latencyMedian } = await import('../../faults/latency.ts');
    const fitted = await fitFile(args.recording, { windowMs, name: args.name });
    const stem = args.recording.replace(/\.(har|json|jsonl|ndjson|log)$/i, '');
    const out = args.out ?? `${stem}.scenario.yaml`;
    const report = args.report ?? `${stem}.fit.md`;
    await writeFile(out, fitted.yaml);
    await writeFile(report, fitted.report);
    const { fit } = fitted;
    printLine(
      `faultline fit: ${fit.requests} requests, ${fit.arrivalRate.toFixed(2)} req/s, availability ${fit.availability.toFixed(4)}, ${fit.phases.length} phase(s)`,
    );
    for (const route of fit.routes) {
      const best = route.latency?.best;
      const latency = best
        ? `${best.distribution.type} (median ${latencyMedian(best.distribution).toFixed(1)} ms)  KS ${best.ks.toFixed(3)}`
        : 'too few successes to fit';
      printLine(`  ${route.method} ${route.template}  n ${route.requests}  ${latency}`);
    }
    for (const phase of fit.phases) {
      printLine(
        `  ${phase.name}  ${phase.fromMs} ms..${phase.toMs ?? 'end'}  availability ${phase.availability.toFixed(4)}`,
      );
    }
    for (const route of fitted.dropped)
      printWarning(`${route}: only GET and POST can be replayed; left out of the workload mix`);
    printLine(`wrote ${out} and ${report}`);
  },
};
