import type { Scenario } from '../../scenario/schema.ts';
import type { Trace } from '../trial/trace.ts';

/** Why a law failed on one trace, in words a person can check against the counterexample. */
export interface Violation {
  readonly message: string;
}

export interface LawContext {
  /** Runs the same trial again, from scratch (the determinism law compares the two). */
  rerun(): Promise<Trace>;
  /** Backend calls per request the client may not exceed (amplification); defaults from the policies. */
  readonly maxAmplification?: number;
}

/**
 * A resilience law: a property every trace of a correct client satisfies, whatever the faults. Each is
 * checked on traces from generated scenarios; the first trace that breaks it is shrunk to a minimal one.
 */
export interface Law {
  readonly name: string;
  /** The law in one line. */
  readonly statement: string;
  /** Why it does not apply to this scenario (no such policy), or undefined when it does. */
  notApplicable(scenario: Scenario): string | undefined;
  check(trace: Trace, context: LawContext): Violation | undefined | Promise<Violation | undefined>;
}

export function violation(message: string): Violation {
  return { message };
}
