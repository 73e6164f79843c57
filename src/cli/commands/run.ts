import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { FaultlineError } from '../../errors/faultline-error.ts';
import type { RunResult } from '../../report/result.ts';
import { serializeResult } from '../../report/serialize.ts';
import { randomSeed } from '../../rng/rng.ts';
import { runScenario } from '../../runner/run-scenario.ts';
import { loadScenarioFile } from '../../scenario/load-scenario.ts';
import { parseDuration } from '../../util/duration.ts';
import { ExitCode } from '../exit-codes.ts';
import { printLine } from '../output.ts';
import { formatSummary } from '../summary.ts';

interface RunArgs {
  scenario: string;
  seed?: number;
  out?: string;
  duration?: string;
}

/** `faultline run <scenario>`: runs it, prints a summary, writes the JSON result, exits by the verdict. */
export function runCommand(setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <scenario>',
    describe: 'Run a scenario and judge its hypotheses',
    builder: (y) =>
      y
        .positional('scenario', {
          type: 'string',
          demandOption: true,
          describe: 'scenario file (.yaml, .json, .ts)',
        })
        .option('seed', {
          type: 'number',
          describe: 'seed for every random draw (printed, stored in the result)',
        })
        .option('duration', { type: 'string', describe: 'override the workload duration, e.g. 30s or 1h' })
        .option('out', { type: 'string', describe: 'write the JSON result to this file' })
        .example('$0 run scenarios/outage-with-fallback.yaml', 'simulate on the virtual clock')
        .example('$0 run scenarios/healthy-baseline.yaml --seed 42 --out result.json', 'replayable run'),
    handler: async (args) => {
      const { scenario, file } = await loadScenarioFile(args.scenario);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      let result: RunResult;
      try {
        const seed = args.seed ?? scenario.seed ?? randomSeed();
        printLine(`faultline: running ${scenario.name} (${args.scenario}) with seed ${seed}`);
        result = await runScenario(scenario, {
          seed,
          file,
          signal: controller.signal,
          durationMs: args.duration === undefined ? undefined : requireDuration(args.duration),
        });
      } finally {
        process.off('SIGINT', onSigint);
      }
      if (args.out) {
        await mkdir(dirname(args.out), { recursive: true });
        await writeFile(args.out, serializeResult(result));
      }
      printLine(formatSummary(result));
      if (!result.complete) setExit(ExitCode.Interrupted);
      else setExit(result.verdict === 'pass' ? ExitCode.Pass : ExitCode.HypothesisFailed);
    },
  };
}

function requireDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined)
    throw new FaultlineError('USAGE', `--duration ${text} is not a duration; use e.g. 30s, 5m or 1h`);
  return ms;
}
