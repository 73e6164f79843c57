import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { FaultlineError } from '../errors/faultline-error.ts';

/** What a folder contributes: scenario data files and TypeScript/JavaScript scenarios (not tests or typings). */
const IN_FOLDER = '**/*.{yaml,yml,json,ts,mts,js,mjs}';
const NOT_SCENARIOS = ['**/node_modules/**', '**/*.d.ts', '**/*.test.*', '**/*.spec.*', '**/*.schema.json'];

/**
 * Turns command-line arguments (files, folders, globs) into scenario files: folders and globs are
 * expanded, the result is sorted by path and deduplicated, so every machine (and every CI shard)
 * sees the same order. A plain path is kept as given, even when missing, so loading can say why.
 */
export async function findScenarioFiles(
  args: readonly string[],
  cwd: string,
  baseDir: string = cwd,
): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args) {
    const matches = await expand(arg, baseDir, cwd);
    if (matches.length === 0) {
      throw new FaultlineError(
        'NO_SCENARIOS',
        `No scenario files match "${arg}"; check the path or glob (folders are searched for .yaml, .yml, .json and .ts files).`,
      );
    }
    for (const file of matches) found.add(file);
  }
  return [...found].sort();
}

/** `arg` is relative to `baseDir` (the config's folder for config globs); results are shown relative to `cwd`. */
async function expand(arg: string, baseDir: string, cwd: string): Promise<string[]> {
  const absolute = resolve(baseDir, arg);
  if (isFolder(absolute)) {
    const files = await glob(IN_FOLDER, { cwd: absolute, ignore: NOT_SCENARIOS, absolute: true });
    return files.map((file) => shown(file, cwd));
  }
  if (isDynamicPattern(arg)) {
    const files = await glob(arg, {
      cwd: baseDir,
      ignore: ['**/node_modules/**'],
      absolute: true,
      onlyFiles: true,
    });
    return files.map((file) => shown(file, cwd));
  }
  return [shown(absolute, cwd)];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Paths inside the working directory are shown relative to it, the way the user typed them. */
function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * The scenarios a command works on: the files named on the command line (relative to the working
 * folder), else the config's `scenarios` (relative to the config), else `scenarios/`.
 */
export function scenarioFilesFor(
  given: readonly string[] | undefined,
  config: { readonly scenarios?: readonly string[]; readonly baseDir: string },
  cwd: string,
): Promise<string[]> {
  const named = given !== undefined && given.length > 0;
  return findScenarioFiles(
    named ? given : (config.scenarios ?? ['scenarios']),
    cwd,
    named ? cwd : config.baseDir,
  );
}
