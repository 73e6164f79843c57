import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { MAX_MODULE_BYTES } from '../scenario/limits.ts';

const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/**
 * Why `file` cannot be loaded as code (a plugin, client, reporter or config module), or undefined when
 * it can: only a regular file with a code extension, under the size limit. A device (/dev/zero), a FIFO
 * or a folder would be read forever or fail obscurely; /etc/passwd would be parsed as JavaScript.
 */
export async function moduleFileProblem(
  file: string,
  extensions: ReadonlySet<string> = CODE_EXTENSIONS,
): Promise<string | undefined> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error.code ?? 'unreadable');
  if (typeof info === 'string') return info === 'ENOENT' ? 'does not exist' : `cannot be read (${info})`;
  if (!info.isFile()) return 'is not a regular file (a folder, device or pipe)';
  if (info.size > MAX_MODULE_BYTES)
    return `is ${info.size} bytes, over the ${MAX_MODULE_BYTES}-byte limit for modules (MAX_MODULE_BYTES)`;
  const ext = extname(file).toLowerCase();
  if (!extensions.has(ext))
    return `is not a module (its extension is "${ext || 'none'}"; use ${[...extensions].join(', ')})`;
  return undefined;
}

export { CODE_EXTENSIONS };
