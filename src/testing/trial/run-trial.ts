import type { Backend } from '../../backend/contract.ts';
import { installVirtualClock } from '../../clock/virtual-clock.ts';
import { createFaultPlan } from '../../faults/create-fault-plan.ts';
import { createRng } from '../../rng/rng.ts';
import { backendAttempts } from '../../runner/backend-attempts.ts';
import { closeBackends, openBackends } from '../../runner/open-backends.ts';
import { drainHorizonMs } from '../../runner/timeline.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { driveWorkload } from '../../workload/driver.ts';
import { createRequestSource } from '../../workload/request-source.ts';
import type { LawSubject } from './subject.ts';
import type { Trace } from './trace.ts';
import { TraceRecorder } from './trace-recorder.ts';

export interface TrialOptions {
  /** Folder that relative plugin paths in the scenario resolve from (the scenario file's folder). */
  readonly baseDir?: string;
  /** For messages about the scenario. */
  readonly file?: string;
}

/** In-flight requests get at least this long after the workload stops before the trial gives up on them. */
const NEVER_ABORTED = new AbortController().signal;

/**
 * Runs one scenario on a fresh virtual clock, with its backends behind its faults, through the client
 * `subject` builds, and returns the trace. The seeded streams are forked under the labels `faultline run`
 * uses, so the scenario run on its own sends the same requests and meets the same faults.
 * Only one trial (or simulation) may run at a time in a process: the virtual clock is global.
 */
export async function runTrial(
  subject: LawSubject,
  scenario: Scenario,
  options: TrialOptions = {},
): Promise<Trace> {
  const rng = createRng(scenario.seed ?? 0);
  const clock = installVirtualClock();
  let backends = new Map<string, Backend>();
  try {
    const plan = createFaultPlan(scenario.phases);
    backends = await openBackends(scenario, options.file ?? `${scenario.name}.yaml`, {
      clock,
      rng,
      baseDir: options.baseDir ?? process.cwd(),
      faultPlan: plan,
    });
    const recorder = new TraceRecorder(clock);
    const attemptOn = backendAttempts(backends, plan, clock, rng);
    const primary = primaryBackend(scenario);
    const client = subject.createClient({
      attempt: recorder.traced(attemptOn(primary), primary, 'stack'),
      attemptOn: (name) => recorder.traced(attemptOn(name), name, 'stack'),
      deps: {
        clock,
        rng: rng.fork('policies'),
        events: recorder.events,
        attemptOn: (name) => recorder.traced(attemptOn(name), name, 'fallback'),
      },
      scenario,
    });
    const { workload } = scenario;
    const endMs = workload.duration ?? Number.POSITIVE_INFINITY;
    const work = driveWorkload(workload, {
      clock,
      rng: rng.fork('workload'),
      nextRequest: createRequestSource(workload, rng.fork('requests')),
      send: (request) => recorder.send(request, (own) => client.execute(own)),
      reject: (request) => recorder.turnedAway(request),
      stop: NEVER_ABORTED,
      endMs,
      maxRequests: workload.requests ?? Number.POSITIVE_INFINITY,
    });
    const ending = await clock.drive(work, drainHorizonMs(endMs));
    return { scenario, entries: recorder.entries, ending, endMs: clock.now(), primary };
  } finally {
    clock.uninstall();
    await closeBackends(backends);
  }
}

/** The backend the stack's own policies guard: the single backend, or the first of a topology. */
export function primaryBackend(scenario: Scenario): string {
  const { topology } = scenario;
  const name =
    topology.type === 'single'
      ? (topology.backend ?? Object.keys(scenario.backends)[0])
      : topology.type === 'failover'
        ? topology.order[0]
        : topology.backends[0];
  if (!name) throw new Error(`scenario ${scenario.name} has no backend`);
  return name;
}
