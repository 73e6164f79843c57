import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunResult } from '../../src/report/result.ts';

export const REPO = resolve(import.meta.dirname, '../..');
/** The built CLI, as `npx faultline` runs it (vitest's global setup builds it first). */
export const BIN = resolve(REPO, 'dist/src/cli/bin.js');

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment for a CLI child: no CI or GitHub variables leaking in from the machine running the tests. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of ['CI', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY']) delete env[key];
  return { ...env, ...extra };
}

/** Starts the real CLI (`npx faultline …`), as a user's shell would. */
export function startCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: cliEnv(options.env),
  });
}

export function finished(child: ChildProcessWithoutNullStreams): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((done) => {
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  return finished(startCli(args, options));
}

/** Resolves once the child's stdout has printed text matching `pattern`. */
export function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  let seen = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        child.stdout.off('data', onData);
        done(seen);
      }
    };
    child.stdout.on('data', onData);
    child.on('close', () => fail(new Error(`CLI exited before printing ${pattern}; it printed:\n${seen}`)));
  });
}

/** The reporters a run's interruption is checked with: its console total, its JSON results, its JUnit. */
export const CONSOLE_JSON_JUNIT = ['--reporter', 'console', '--reporter', 'json', '--reporter', 'junit'];

/**
 * Starts `faultline run <args> --duration 24h` (a run that would not end by itself), waits until
 * stdout shows `started` and `afterMs` more, then sends `signal`: a user pressing Ctrl-C mid-run.
 */
export async function interruptLongRun(
  args: readonly string[],
  options: { readonly started: RegExp; readonly afterMs: number; readonly signal?: NodeJS.Signals },
): Promise<CliRun> {
  const child = startCli(['run', ...args, '--duration', '24h']);
  const done = finished(child);
  await waitForOutput(child, options.started);
  await new Promise((resolve) => setTimeout(resolve, options.afterMs));
  child.kill(options.signal ?? 'SIGINT');
  return done;
}

/** A JSON result the run wrote into `dir`. */
export function resultIn(dir: string, file: string): RunResult {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as RunResult;
}

/** Runs `tasks` with at most `limit` at a time (each spawns a process). */
export async function inBatches<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
