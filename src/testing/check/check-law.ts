import * as fc from 'fast-check';
import { wallNow } from '../../clock/real-clock.ts';
import { randomSeed } from '../../rng/rng.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Law, LawContext, Violation } from '../laws/law.ts';
import { runTrial, type TrialOptions } from '../trial/run-trial.ts';
import type { LawSubject } from '../trial/subject.ts';

export interface CheckOptions {
  /** Generated scenarios to try (default 100); a replay runs just the one its path names. */
  readonly runs?: number;
  /** fast-check's seed; a random one (reported) when absent. */
  readonly seed?: number;
  /** A counterexample's path (with its seed) to replay it alone. */
  readonly path?: string;
  /** Scenarios tried before the generated ones (e.g. the scenario file as written). */
  readonly examples?: readonly Scenario[];
  readonly maxAmplification?: number;
  readonly trial?: TrialOptions;
}

interface Common {
  readonly law: Law;
  /** fast-check's seed: with `path`, it replays the counterexample. */
  readonly seed: number;
  /** Generated scenarios run (up to and including the first failure). */
  readonly runs: number;
  readonly wallMs: number;
}

export type LawReport =
  | (Common & { readonly status: 'held' })
  | (Common & {
      readonly status: 'broken';
      readonly violation: Violation;
      /** The smallest scenario found that still breaks the law. */
      readonly counterexample: Scenario;
      readonly path: string;
      readonly shrinks: number;
    });

/** Thrown inside the property so fast-check shrinks towards a smaller scenario breaking the same law. */
class LawBroken extends Error {
  constructor(readonly violation: Violation) {
    super(violation.message);
  }
}

/**
 * Checks one law on scenarios drawn from `scenarios`, each run as a trial of `subject` on the virtual
 * clock (one after another: the clock is global). A scenario the law does not apply to passes. The first
 * failure is shrunk, and the report carries the smallest counterexample with the seed and path that
 * replay it.
 */
export async function checkLaw(
  law: Law,
  subject: LawSubject,
  scenarios: fc.Arbitrary<Scenario>,
  options: CheckOptions = {},
): Promise<LawReport> {
  const seed = options.seed ?? randomSeed();
  const started = wallNow();
  const property = fc.asyncProperty(scenarios, async (scenario) => {
    if (law.notApplicable(scenario) !== undefined) return;
    const found = await lawViolation(law, subject, scenario, options);
    if (found) throw new LawBroken(found);
  });
  const details = await fc.check(property, {
    numRuns: options.runs ?? 100,
    seed,
    ...(options.path !== undefined && { path: options.path, endOnFailure: true }),
    ...(options.examples && { examples: options.examples.map((example): [Scenario] => [example]) }),
  });
  const common = { law, seed, runs: details.numRuns, wallMs: wallNow() - started };
  if (!details.failed) return { ...common, status: 'held' };
  if (details.counterexample === null || details.counterexamplePath === null) {
    throw new Error(`checking ${law.name} stopped without a counterexample (interrupted or too many skips)`);
  }
  const [counterexample] = details.counterexample;
  const error = details.errorInstance;
  return {
    ...common,
    status: 'broken',
    violation:
      error instanceof LawBroken ? error.violation : { message: `the trial failed: ${messageOf(error)}` },
    counterexample,
    path: details.counterexamplePath,
    shrinks: details.numShrinks,
  };
}

/** Runs one trial and checks the law on it: what `faultline check` does for each generated scenario. */
export async function lawViolation(
  law: Law,
  subject: LawSubject,
  scenario: Scenario,
  options: Pick<CheckOptions, 'maxAmplification' | 'trial'> = {},
): Promise<Violation | undefined> {
  const trace = await runTrial(subject, scenario, options.trial);
  const context: LawContext = {
    rerun: () => runTrial(subject, scenario, options.trial),
    maxAmplification: options.maxAmplification,
  };
  return law.check(trace, context);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
