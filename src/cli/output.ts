import pc from 'picocolors';

/** One line on stderr, in red on a terminal: user errors never show a stack. */
export function printError(message: string): void {
  process.stderr.write(`${pc.red('faultline:')} ${message}\n`);
}

export function printLine(message = ''): void {
  process.stdout.write(`${message}\n`);
}
