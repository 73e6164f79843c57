import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderSweepConsole } from '../../report/sweep/console.ts';
import { mergeSweepShards } from '../../sweep/shards.ts';
import { sweepExitCode, writeSweepReports } from '../commands/sweep.ts';
import { printLine } from '../output.ts';

/** A sharded sweep writes one file per shard under this name (see commands/sweep.ts). */
const SWEEP_SHARD_FILE = /^sweep-shard-\d+-of-\d+\.json$/;
/** A sweep shard file is one JSON of its runs' figures; far below this. */
const MAX_PEEK_BYTES = 256 * 1024 * 1024;

/**
 * The sweep shard files the arguments name (a `sweep-shard-i-of-n.json`, or a folder holding them,
 * directly or one level down), or undefined when they name run shards instead: merge reads both kinds.
 */
export async function sweepShardFiles(paths: readonly string[], cwd: string): Promise<string[] | undefined> {
  const found: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      if (!(await isSweepShard(absolute, info.size))) return undefined;
      found.push(absolute);
    } else if (info?.isDirectory()) {
      const inside = await shardFilesIn(absolute);
      if (inside.length === 0) return undefined;
      found.push(...inside);
    } else {
      return undefined;
    }
  }
  return found.length > 0 ? found : undefined;
}

async function shardFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const own = entries
    .filter((e) => e.isFile() && SWEEP_SHARD_FILE.test(e.name))
    .map((e) => join(dir, e.name));
  if (own.length > 0) return own.sort();
  const nested: string[] = [];
  for (const sub of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const files = await readdir(join(dir, sub.name)).catch(() => []);
    nested.push(
      ...files.filter((name) => SWEEP_SHARD_FILE.test(name)).map((name) => join(dir, sub.name, name)),
    );
  }
  return nested;
}

async function isSweepShard(file: string, size: number): Promise<boolean> {
  if (SWEEP_SHARD_FILE.test(file.split('/').pop() ?? '')) return true;
  if (!file.endsWith('.json') || size > MAX_PEEK_BYTES) return false;
  try {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    return (json as { manifest?: { kind?: unknown } } | null)?.manifest?.kind === 'sweep';
  } catch {
    return false;
  }
}

/** Rebuilds the whole sweep's reports from its shards; resolves to the sweep's exit code. */
export async function mergeSweep(files: readonly string[], outDir: string, color: boolean): Promise<number> {
  const report = await mergeSweepShards(files);
  await writeSweepReports(report, outDir);
  printLine(renderSweepConsole(report, color));
  printLine(`reports: ${join(outDir, 'sweep.json')}, sweep.md, sweep.html`);
  return sweepExitCode(report, false);
}
