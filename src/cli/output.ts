import pc from 'picocolors';
import { redact } from '../logging/redact.ts';

/** One line on stderr, in red on a terminal: user errors never show a stack. Credentials are scrubbed. */
export function printError(message: string): void {
  process.stderr.write(`${pc.red('faultline:')} ${redact(oneLine(message))}\n`);
}

export function printWarning(message: string): void {
  process.stderr.write(`${pc.yellow('faultline: warning:')} ${redact(oneLine(message))}\n`);
}

export function printLine(message = ''): void {
  process.stdout.write(`${message}\n`);
}

/** Messages from plugins or parsers can carry newlines; an error is one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
