import { primaryBackend } from '../../runner/primary-backend.ts';
import { simulate } from '../../runner/simulate.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { LawSubject } from './subject.ts';
import type { Trace } from './trace.ts';
import { TraceRecorder } from './trace-recorder.ts';

export interface TrialOptions {
  /** Folder that relative plugin paths in the scenario resolve from (the scenario file's folder). */
  readonly baseDir?: string;
  /** For messages about the scenario. */
  readonly file?: string;
}

/**
 * Runs one scenario on a fresh virtual clock through the same simulation loop as `faultline run`
 * (same backends, faults and random streams, so the scenario run on its own sends the same requests and
 * meets the same faults), with the client `subject` builds, and returns the trace.
 * Only one trial (or simulation) may run at a time in a process: the virtual clock is global.
 */
export async function runTrial(
  subject: LawSubject,
  scenario: Scenario,
  options: TrialOptions = {},
): Promise<Trace> {
  let recorder: TraceRecorder | undefined;
  const simulation = await simulate(
    scenario,
    {
      seed: scenario.seed ?? 0,
      file: options.file ?? `${scenario.name}.yaml`,
      baseDir: options.baseDir ?? process.cwd(),
    },
    (clock) => {
      const trace = new TraceRecorder(clock);
      recorder = trace;
      return {
        client: ({ attemptOn, primary, rng }) =>
          subject.createClient({
            attempt: trace.traced(attemptOn(primary), primary, 'stack'),
            attemptOn: (name) => trace.traced(attemptOn(name), name, 'stack'),
            deps: {
              clock,
              rng,
              events: trace.events,
              attemptOn: (name) => trace.traced(attemptOn(name), name, 'fallback'),
            },
            scenario,
          }),
        send: (request, execute) => trace.send(request, execute),
        turnedAway: (request) => trace.turnedAway(request),
      };
    },
  );
  const { ending, endedAtMs, primary } = simulation;
  if (ending === 'stopped' || !recorder) throw new Error('a trial is never stopped');
  return { scenario, entries: recorder.entries, ending, endMs: endedAtMs, primary };
}

/** The backend the stack's own policies guard: the single backend, or the first of a topology. */
export { primaryBackend };
