import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';

export interface NewFile {
  /** Relative to the folder being scaffolded. */
  readonly path: string;
  readonly text: string;
}

/** Writes files that do not exist yet (all of them with `force`); returns what was written and skipped. */
export async function writeNewFiles(
  root: string,
  files: readonly NewFile[],
  force = false,
): Promise<{ written: string[]; skipped: string[] }> {
  const written: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const target = resolve(root, file.path);
    const shown = relative(process.cwd(), target) || file.path;
    if (existsSync(target) && !force) {
      skipped.push(shown);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
    written.push(shown);
  }
  return { written, skipped };
}
