import type { BackendRequest, FaultHooks } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { type DriveEnding, installVirtualClock, STALL_EVENTS } from '../clock/virtual-clock.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { createFaultPlan } from '../faults/create-fault-plan.ts';
import type { AttemptFn, Outcome, ResilientClient } from '../policies/stack.ts';
import { createRng, type Rng } from '../rng/rng.ts';
import type { Scenario } from '../scenario/schema.ts';
import { driveWorkload } from '../workload/driver.ts';
import { createRequestSource } from '../workload/request-source.ts';
import type { Workload } from '../workload/schema.ts';
import { backendAttempts } from './backend-attempts.ts';
import { createArrivalIds } from './call-draws.ts';
import { closeBackends, openBackends } from './open-backends.ts';
import { primaryBackend } from './primary-backend.ts';
import { drainHorizonMs } from './timeline.ts';

/** What the simulation hands whoever builds the client: the wired backends, the clock, the policies' stream. */
export interface ClientWiring {
  readonly clock: Clock;
  /** One attempt on a backend, behind its faults. */
  readonly attemptOn: (backend: string) => AttemptFn;
  /** The backend the stack guards (see primaryBackend). */
  readonly primary: string;
  readonly backendNames: readonly string[];
  /** The policies' stream; each policy forks its own from it (retry jitter: `retry-backoff`). */
  readonly rng: Rng;
}

/** How a caller watches a simulation: it builds the client and records what happens. */
export interface SimulationObserver {
  /** Where the chaos layer reports calls and injected faults, per backend. */
  faultHooks?(backend: string): FaultHooks;
  client(wiring: ClientWiring): ResilientClient;
  /** Sends one request through `execute` and records its answer; must never reject. */
  send(request: BackendRequest, execute: (request: BackendRequest) => Promise<Outcome>): Promise<void>;
  /** An arrival the open loop turned away (too many in flight). */
  turnedAway(request: BackendRequest): void;
}

export interface SimulateOptions {
  readonly seed: number;
  /** The real clock instead of the virtual one. */
  readonly realTime?: boolean;
  /** The scenario's workload unless given (a --duration override). */
  readonly workload?: Workload;
  /** For messages and the plugin context. */
  readonly file: string;
  /** Folder relative plugin paths resolve from. */
  readonly baseDir: string;
  readonly allowInsecureHttp?: boolean;
  /** Aborting ends the run at once (Ctrl-C, SIGTERM): ending 'stopped'. */
  readonly stop?: AbortSignal;
  /** Backend draws in call order, not keyed by (arrival, attempt); see RunOptions.callOrderDraws. */
  readonly callOrderDraws?: boolean;
}

export interface Simulation {
  /** 'settled': the workload finished; 'idle'/'horizon': stragglers were left waiting; 'stopped': aborted. */
  readonly ending: Exclude<DriveEnding, 'stalled'>;
  /** Virtual (or real) ms when the run ended. */
  readonly endedAtMs: number;
  readonly primary: string;
}

/**
 * The one simulation loop: opens the scenario's backends, puts each behind its faults with its own random
 * streams, lets the observer build the client, drives the workload on the clock and closes everything.
 * `faultline run`, the law trials and `check` all run through here, so they send the same requests and
 * meet the same faults. The virtual clock is global: one simulation at a time per process.
 *
 * Random streams, each forked from the seed by purpose so adding a fault, a policy or a cache changes
 * nothing else: `workload` (arrivals), `requests` (request choice), `latency:<backend>` (a backend's own
 * latency), `faults:<backend>` (fault draws), `backend:<backend>` (the plugin's context), `policies`.
 * A backend's latency and fault draws are further keyed by arrival and attempt (call-draws.ts), so retries
 * do not shift later requests' draws: every policy variant of one seed meets the same luck.
 */
export async function simulate(
  scenario: Scenario,
  options: SimulateOptions,
  observe: (clock: Clock) => SimulationObserver,
): Promise<Simulation> {
  const rng = createRng(options.seed);
  const workload = options.workload ?? scenario.workload;
  const endMs = workload.duration ?? Number.POSITIVE_INFINITY;
  const virtual = options.realTime ? undefined : installVirtualClock();
  const clock: Clock = virtual ?? createRealClock();
  let backends: Awaited<ReturnType<typeof openBackends>> = new Map();
  try {
    const observer = observe(clock);
    const plan = createFaultPlan(scenario.phases);
    const hooks = (name: string): FaultHooks => observer.faultHooks?.(name) ?? {};
    backends = await openBackends(
      scenario,
      options.file,
      { clock, rng, baseDir: options.baseDir, allowInsecureHttp: options.allowInsecureHttp, faultPlan: plan },
      observer.faultHooks ? hooks : undefined,
    );
    const arrivals = createArrivalIds();
    const attemptOn = backendAttempts(
      backends,
      plan,
      clock,
      rng,
      hooks,
      options.callOrderDraws ? undefined : arrivals,
    );
    const primary = primaryBackend(scenario);
    const client = observer.client({
      clock,
      attemptOn,
      primary,
      backendNames: [...backends.keys()],
      rng: rng.fork('policies'),
    });
    const stop = options.stop ?? new AbortController().signal;
    // Arrival numbers key each call's latency and fault draws (common random numbers, call-draws.ts).
    let arrival = 0;
    const work = driveWorkload(workload, {
      clock,
      rng: rng.fork('workload'),
      nextRequest: createRequestSource(workload, rng.fork('requests')),
      send: (request) => {
        const id = arrival++;
        return observer.send(request, (own) => {
          arrivals.register(own, id);
          const answer = client.execute(own);
          // Once it is answered, every call of the request has drawn (draws happen as a call starts).
          const forget = () => arrivals.forget(own);
          void answer.then(forget, forget);
          return answer;
        });
      },
      reject: (request) => observer.turnedAway(request),
      stop,
      endMs,
      maxRequests: workload.requests ?? Number.POSITIVE_INFINITY,
    });
    const driven = virtual
      ? await virtual.drive(work, {
          horizonMs: drainHorizonMs(endMs),
          stop,
          stallEvents: stallEvents(workload),
          // Interceptors and the real clients behind them queue work inside Node, out of the driver's sight.
          pureWork: ![...backends.values()].some((backend) => backend.injectsFaults),
        })
      : await Promise.race([work.then(() => 'settled' as const), stopped(stop)]);
    // The workload also ends when stopped (a unit told to stop as it starts): that run was cut short.
    const ending = driven === 'settled' && stop.aborted ? 'stopped' : driven;
    if (ending === 'stalled') throw noProgress(options.file, clock.now());
    return { ending, endedAtMs: clock.now(), primary };
  } finally {
    virtual?.uninstall();
    await closeBackends(backends);
  }
}

/** Every closed-loop client (or open-loop request in flight) may be answered at one instant: that is no stall. */
function stallEvents(workload: Workload): number {
  const together = workload.model === 'closed' ? workload.clients : workload.maxInFlight;
  return Math.max(STALL_EVENTS, 4 * together);
}

function stopped(signal: AbortSignal): Promise<'stopped'> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve('stopped');
    else signal.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
}

/** A run whose virtual time stopped moving: name the usual cause and the fixes. */
function noProgress(file: string, atMs: number): FaultlineError {
  return new FaultlineError(
    'SIMULATION_NO_PROGRESS',
    `${file}: the simulation stopped making progress at ${(atMs / 1000).toFixed(3)} s of virtual time: events keep firing at one instant, as when closed-loop clients with no think time resend at once because every call fails in 0 ms (breaker open, fallback, a backend without latency); give workload.thinkTime a value (e.g. 100ms) or the failures a latency (a latency fault in that phase)`,
  );
}
