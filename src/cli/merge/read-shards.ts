import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { FaultlineError } from '../../errors/faultline-error.ts';
import {
  MAX_SHARD_COUNT,
  SHARD_DIR,
  SHARD_MANIFEST_FILE,
  type ShardManifest,
  shardManifestSchema,
  unitResultPath,
} from '../shard-manifest.ts';

/** One shard's output as merge found it. */
export interface ShardOutput<M extends ShardManifest = ShardManifest> {
  /** The shard's output folder (where its manifest and unit results are). */
  readonly dir: string;
  /** The manifest path as the user would read it, for messages. */
  readonly shown: string;
  readonly manifest: M;
}

const MANIFEST_NAME = basename(SHARD_MANIFEST_FILE);

/** A manifest holds the whole suite's plan: 100 000 units stay well under this. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** Unit results over this are not faultline's (timelines are capped well below). */
const MAX_RESULT_BYTES = 64 * 1024 * 1024;

/**
 * The shard outputs the arguments name: a manifest file, a shard's output folder (holding one), or a
 * folder of shard folders (its direct subfolders holding one each, e.g. a volume with shard-0, shard-1…).
 */
export async function readShardOutputs(paths: readonly string[], cwd: string): Promise<ShardOutput[]> {
  const manifests: string[] = [];
  for (const path of paths) manifests.push(...(await manifestsAt(path, cwd)));
  if (manifests.length > MAX_SHARD_COUNT) {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${manifests.length} shard outputs are over the ${MAX_SHARD_COUNT} merge takes (MAX_SHARD_COUNT)`,
    );
  }
  const outputs: ShardOutput[] = [];
  for (const file of manifests) outputs.push(await readManifest(file, cwd));
  return outputs;
}

async function manifestsAt(path: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, path);
  const kind = await stat(absolute).catch(() => undefined);
  if (!kind) {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${path} does not exist; give shard output folders or their ${SHARD_MANIFEST_FILE}`,
    );
  }
  if (kind.isFile()) return [absolute];
  const own = join(absolute, SHARD_MANIFEST_FILE);
  if (await isFile(own)) return [own];
  // The shard's own faultline-shard/ folder, named directly.
  if (basename(absolute) === SHARD_DIR && (await isFile(join(absolute, MANIFEST_NAME)))) {
    return [join(absolute, MANIFEST_NAME)];
  }
  const entries = await readdir(absolute, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const inside = join(absolute, entry.name, SHARD_MANIFEST_FILE);
    if (await isFile(inside)) found.push(inside);
  }
  if (found.length === 0) {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${path} holds no ${SHARD_MANIFEST_FILE}, nor do its subfolders; is it the --out-dir of a sharded run (--shard or JOB_COMPLETION_INDEX)?`,
    );
  }
  return found;
}

const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() === true;

async function readManifest(file: string, cwd: string): Promise<ShardOutput> {
  const shown = shownPath(file, cwd);
  const size = (await stat(file)).size;
  if (size > MAX_MANIFEST_BYTES) {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${shown} is over ${MAX_MANIFEST_BYTES >> 20} MB; it is not a shard manifest`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${shown} is not JSON; is it the ${SHARD_MANIFEST_FILE} of a sharded faultline run?`,
    );
  }
  const parsed = shardManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw new FaultlineError(
      'MERGE_INPUT',
      `${shown} at ${field}: ${issue?.message ?? 'invalid'}; it is not a shard manifest this faultline reads`,
    );
  }
  // The shard's output folder: the manifest sits in its faultline-shard/ folder.
  return { dir: dirname(dirname(file)), shown, manifest: parsed.data };
}

function shownPath(file: string, cwd: string): string {
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file === cwd ? basename(file) : file;
}

/** The shard whose units include the suite's unit `at` (checkShardSet made sure there is one). */
export function holderOf<M extends ShardManifest>(
  outputs: readonly ShardOutput<M>[],
  at: number,
): ShardOutput<M> | undefined {
  return outputs.find((output) => output.manifest.units.some((unit) => unit.at === at));
}

/**
 * A unit's result file in its shard's output, checked against `schema` before the rest is trusted
 * (faultline wrote it). `where` names the unit in messages. Resolves to the file as written (`json`:
 * merged reports must be the same bytes, and a parsed copy may reorder keys) and the checked part.
 */
export async function readUnitFile<S extends z.ZodType>(
  output: ShardOutput,
  at: number,
  id: string,
  where: string,
  schema: S,
): Promise<{ json: unknown; checked: z.output<S> }> {
  const path = join(output.dir, unitResultPath(at, id));
  const text = await readFile(path, 'utf8').catch(() => {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${where} (${unitResultPath(at, id)}) is missing; rerun that shard`,
    );
  });
  if (text.length > MAX_RESULT_BYTES)
    throw new FaultlineError(
      'MERGE_INPUT',
      `${where} is over ${MAX_RESULT_BYTES >> 20} MB; rerun that shard`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FaultlineError('MERGE_INPUT', `${where} is not JSON (cut short?); rerun that shard`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FaultlineError(
      'MERGE_INPUT',
      `${where} at ${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'invalid'}; rerun that shard`,
    );
  }
  return { json, checked: parsed.data };
}
