import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { z } from 'zod';
import { loadConfig } from '../../config/load-config.ts';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { createReporters } from '../../report/reporters/index.ts';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../../report/result.ts';
import { serializeResult } from '../../report/serialize.ts';
import { ExitCode, type SetExitCode } from '../exit-codes.ts';
import { catchInterrupts } from '../interrupt.ts';
import { printLine, printWarning } from '../output.ts';
import { prepareScenario } from '../prepare-scenario.ts';
import { withFaultsPlaced } from '../real-api.ts';
import { processReporterContext } from '../run-scenarios.ts';
import { exitCodeOf, runSession } from '../run-session.ts';
import { resolveRunSettings } from '../run-settings.ts';
import { type ReportFlags, withReportOptions } from './shared-options.ts';

interface ReplayArgs extends ReportFlags {
  readonly result: string;
  readonly config?: string;
}

/** Just the fields a replay reads; the rest of the file is compared, not trusted. */
const replayableSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  seed: z.number().int(),
  mode: z.enum(['simulated', 'real-time']),
  scenario: z.object({ name: z.string(), file: z.string().optional() }),
  replay: z
    .object({
      file: z.string(),
      scenarioSha256: z.string(),
      durationMs: z.number().optional(),
      realTime: z.boolean().optional(),
      realBackend: z.object({ url: z.string(), apiKeyEnv: z.string().optional() }).optional(),
      allowInsecureHttp: z.boolean().optional(),
      variant: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .optional(),
});

/** `faultline replay <result.json>`: reruns the run that produced a result and says whether it matches. */
export function replayCommand(setExit: SetExitCode): CommandModule<object, ReplayArgs> {
  return {
    command: 'replay <result>',
    describe: 'Rerun exactly the run that produced a JSON result',
    builder: (y) =>
      withReportOptions(
        y.positional('result', {
          type: 'string',
          demandOption: true,
          describe: 'a result file written by the json reporter',
        }),
      )
        .example(
          '$0 replay faultline-results/retry-storm.json',
          'same scenario, seed and duration; compared with the original',
        )
        .example(
          '$0 replay faultline-results/sweep-retry-storm/runs/v3-s0.json',
          'one run of a sweep (faultline sweep --keep-runs), its variant applied',
        )
        .example('$0 replay result.json --reporter html', 'replay and draw the HTML report'),
    handler: async (args) => {
      const cwd = process.cwd();
      const original = await readResult(args.result);
      const file = scenarioFileOf(original, args.result, cwd);
      const recordedApi = original.replay?.realBackend;
      const realApi = recordedApi && (await withFaultsPlaced(recordedApi, printLine));
      const allowInsecureHttp = args.allowInsecureHttp ?? original.replay?.allowInsecureHttp;
      const prepared = await prepareScenario(file, {
        warn: printWarning,
        allowInsecureHttp,
        ...(original.replay?.durationMs !== undefined && { durationMs: original.replay.durationMs }),
        ...(original.replay?.realTime && { realTime: true }),
        // The original run was allowed to run; its replay is too.
        force: true,
        ...(realApi && { realApi }),
      });
      if (original.replay && original.replay.scenarioSha256 !== prepared.sha256) {
        printWarning(`${file} has changed since ${args.result} was written; the replay may not match`);
      }
      const config = await loadConfig(cwd, args.config);
      const settings = resolveRunSettings(
        { ...args, reporter: args.reporter && args.reporter.length > 0 ? args.reporter : ['console'] },
        config,
        cwd,
      );
      const reporters = await createReporters(
        settings.reporters,
        processReporterContext(settings),
        settings.reportersBaseDir,
        settings.reporterOrigin,
      );
      const interrupts = catchInterrupts();
      try {
        const summary = await runSession([prepared], reporters, {
          seed: original.seed,
          durationMs: original.replay?.durationMs,
          realTime: original.replay?.realTime ?? original.mode === 'real-time',
          allowInsecureHttp: settings.allowInsecureHttp ?? allowInsecureHttp,
          ...(realApi && { realApi }),
          ...(original.replay?.variant && { variant: original.replay.variant }),
          signal: interrupts.signal,
        });
        const replayed = summary.outcomes[0]?.result;
        const verdict = replayed?.complete ? compare(original.raw, replayed, args.result) : undefined;
        if (verdict) printLine(verdict.line);
        // A rerun that differs is a failed replay, whatever its own hypotheses said.
        setExit(verdict && !verdict.identical ? ExitCode.HypothesisFailed : exitCodeOf(summary));
      } finally {
        interrupts.dispose();
      }
    },
  };
}

type Original = z.output<typeof replayableSchema> & { raw: RunResult };

async function readResult(path: string): Promise<Original> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code ? `cannot be read (${code})` : 'is not JSON';
    throw new FaultlineError(
      'REPLAY_INPUT',
      `${path}: ${reason}; pass a result written by the json reporter`,
    );
  }
  const parsed = replayableSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FaultlineError(
      'REPLAY_INPUT',
      `${path} is not a faultline result (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message}); pass a file written by the json reporter`,
    );
  }
  return { ...parsed.data, raw: raw as RunResult };
}

/** The recorded path, tried from here and then from the result's folder; the absolute path as a last resort. */
function scenarioFileOf(original: Original, resultPath: string, cwd: string): string {
  const candidates = [
    original.replay?.file,
    original.replay && resolve(dirname(resultPath), original.replay.file),
    original.scenario.file,
  ].filter((c): c is string => c !== undefined);
  const found = candidates.find((candidate) => existsSync(resolve(cwd, candidate)));
  if (!found) {
    throw new FaultlineError(
      'REPLAY_SCENARIO_MISSING',
      `${resultPath} was made from ${candidates[0] ?? 'an unrecorded scenario file'}, which is not here; run from the folder the original run started in`,
    );
  }
  return found;
}

/** Everything but the environment block (wall-clock facts) must be byte-identical. */
function compare(
  original: RunResult,
  replayed: RunResult,
  shown: string,
): { identical: boolean; line: string } {
  const strip = (r: RunResult) => serializeResult({ ...r, environment: {} as RunResult['environment'] });
  if (strip(original) === strip(replayed))
    return { identical: true, line: `replay: identical to ${shown} (apart from the environment block)` };
  const differing = Object.keys(replayed).filter(
    (key) =>
      key !== 'environment' &&
      JSON.stringify((original as unknown as Record<string, unknown>)[key]) !==
        JSON.stringify((replayed as unknown as Record<string, unknown>)[key]),
  );
  const why =
    replayed.mode === 'real-time'
      ? 'a real-time run never repeats exactly'
      : 'a changed scenario, plugin or faultline version?';
  return {
    identical: false,
    line: `replay: differs from ${shown} in ${differing.join(', ') || 'key order'} (${why})`,
  };
}
