import type { RunResult } from './result.ts';

/** The result file's text: 2-space JSON with a trailing newline, keys in the order buildResult fixed. */
export function serializeResult(result: RunResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
