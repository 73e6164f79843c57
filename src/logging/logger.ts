import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import { redact, redactValue } from './redact.ts';

export type { Logger } from 'pino';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface LoggerOptions {
  readonly level?: LevelWithSilent;
  /** Where lines go; stdout when absent. Tests pass a stream to read what was logged. */
  readonly destination?: DestinationStream;
  /** Human-readable lines instead of JSON; defaults to "stdout is a terminal" when no destination is given. */
  readonly pretty?: boolean;
  readonly name?: string;
}

/**
 * A pino logger whose every line passes through the redactor: credential fields (authorization, cookies,
 * API keys) are replaced at any depth, and strings, the message included, lose tokens and known secrets.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const usePretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  const destination =
    options.destination ??
    (usePretty ? pretty({ colorize: true, destination: 1, sync: true }) : pino.destination(1));
  return pino(
    {
      level: options.level ?? 'info',
      ...(options.name ? { name: options.name } : {}),
      serializers: { err: (error: unknown) => redactValue(error) },
      formatters: { log: (object) => redactValue(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redact(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
