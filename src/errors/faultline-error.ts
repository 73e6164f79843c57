import type { ErrorCode } from './codes.ts';

/** Marks faultline's errors across module copies (two installs, a bundled plugin): checked instead of instanceof. */
const FAULTLINE_ERROR = Symbol.for('faultline.error');

/**
 * Errors meant for a person: one line saying what failed, where, and what to do. The CLI prints
 * `message` alone (no stack) and exits with `exitCode`.
 */
export class FaultlineError extends Error {
  override readonly name: string = 'FaultlineError';
  readonly [FAULTLINE_ERROR] = true;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode = 2,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A scenario file that cannot be used: where (file, line, column, field) and how to fix it. */
export class ScenarioError extends FaultlineError {
  override readonly name = 'ScenarioError';
  constructor(
    code: ErrorCode,
    readonly file: string,
    readonly problem: string,
    readonly where: { line?: number; column?: number; path?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(code, formatScenarioError(file, problem, where), 2, options);
  }
}

function formatScenarioError(file: string, problem: string, where: ScenarioError['where']): string {
  const pos = where.line ? `:${where.line}${where.column ? `:${where.column}` : ''}` : '';
  const field = where.path ? ` at ${where.path}` : '';
  return `${file}${pos}${field}: ${problem}`;
}

/** A backend plugin that cannot be found, loaded or configured. */
export class PluginError extends FaultlineError {
  override readonly name = 'PluginError';
}

export function isFaultlineError(error: unknown): error is FaultlineError {
  return typeof error === 'object' && error !== null && FAULTLINE_ERROR in error;
}
