import pc from 'picocolors';
import { redact } from '../logging/redact.ts';
import { clip, MAX_ERROR_LINE } from '../util/clip.ts';
import { escapeControlChars } from '../util/control-chars.ts';

/** One line on stderr, in red on a terminal: user errors never show a stack. Credentials are scrubbed. */
export function printError(message: string): void {
  process.stderr.write(`${pc.red('faultline:')} ${oneLine(message)}\n`);
}

export function printWarning(message: string): void {
  process.stderr.write(`${pc.yellow('faultline: warning:')} ${oneLine(message)}\n`);
}

export function printLine(message = ''): void {
  process.stdout.write(`${message}\n`);
}

/**
 * Messages from plugins or parsers can carry newlines; an error is one line, of readable length, with
 * control characters from user strings made visible.
 */
function oneLine(text: string): string {
  return clip(
    escapeControlChars(
      redact(text)
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    ),
    MAX_ERROR_LINE,
  );
}
