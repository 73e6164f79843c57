import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './cli-process.ts';

/** Library scenarios a sharded suite is made of (seeded, so one run plans the same seeds as shards). */
export const SUITE_SCENARIOS = [
  'burst-5xx.yaml',
  'retry-storm.yaml',
  'latency-spike.yaml',
  'healthy-baseline.yaml',
];

/**
 * A working folder holding `suite/`: four library scenarios and one whose hypothesis cannot hold, so the
 * suite's verdict is a failure (exit 1) and a merge has something to get wrong.
 */
export function makeSuite(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, 'suite'));
  for (const file of SUITE_SCENARIOS) cpSync(join(REPO, 'scenarios', file), join(root, 'suite', file));
  const strict = readFileSync(join(REPO, 'scenarios', 'healthy-baseline.yaml'), 'utf8')
    .replace('name: healthy-baseline', 'name: impossible-baseline')
    .replace('{ metric: latency.p99, op: "<", value: 1000 }', '{ metric: latency.p99, op: "<", value: 1 }');
  writeFileSync(join(root, 'suite', 'impossible-baseline.yaml'), strict);
  return root;
}

/** Each JSON result of a folder without its `environment` block (the wall-clock facts), by file name. */
export function resultsWithoutEnvironment(dir: string): Record<string, string> {
  const results: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const { environment: _, ...rest } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      environment: unknown;
    };
    results[file] = JSON.stringify(rest, null, 2);
  }
  return results;
}

/** The JUnit file with its wall-clock `time` attributes blanked. */
export function junitWithoutTimes(dir: string): string {
  return readFileSync(join(dir, 'junit.xml'), 'utf8').replace(/ time="[^"]*"/g, ' time=""');
}

/** Console output without wall-clock figures ("in 0.75s", the Duration line). */
export function consoleWithoutTimes(stdout: string): string {
  return stdout.replace(/ in \d+(\.\d+)?m?s/g, ' in …').replace(/Duration {2}.*\(/g, 'Duration  … (');
}
