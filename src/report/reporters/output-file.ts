import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { FaultlineError } from '../../errors/faultline-error.ts';

/**
 * Resolves a reporter's output path inside the output folder. A path that would land outside it
 * (`../x`, an absolute path elsewhere) is refused, so a shared config cannot make a reporter
 * overwrite files across the machine. Symlinks are followed before the check: a link inside the folder
 * that points elsewhere (`link/x.xml`) leaves it too.
 */
export function resolveOutputPath(outDir: string, path: string): string {
  const root = resolve(outDir);
  const target = resolve(root, path);
  if (leaves(root, target) || leaves(followLinks(root), followLinks(target))) {
    throw new FaultlineError(
      'REPORTER_OUTPUT_OUTSIDE',
      `Reporter output "${path}" is outside the output folder ${root}; give a path inside it (or change --out-dir).`,
    );
  }
  return target;
}

function leaves(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel);
}

/** The real path of `path`, or of its deepest existing ancestor with the rest appended. */
function followLinks(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(followLinks(parent), basename(path));
  }
}

/** Writes a report file inside the output folder, creating folders on the way. */
export async function writeOutputFile(outDir: string, path: string, text: string): Promise<string> {
  const target = resolveOutputPath(outDir, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  return target;
}

/** A scenario name made safe as a file name: lowercase letters, digits and dashes. */
export function fileSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 80) || 'scenario';
}

/** File slugs for a run's scenarios, numbered when two names would collide. */
export function uniqueSlugs(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const slug = fileSlug(name);
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  });
}
