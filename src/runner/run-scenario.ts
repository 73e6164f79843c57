import { dirname } from 'node:path';
import type { Backend, BackendRequest, FaultHooks } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { createRealClock, wallClockIso, wallNow } from '../clock/real-clock.ts';
import { installVirtualClock, type VirtualClock } from '../clock/virtual-clock.ts';
import { createFaultPlan } from '../faults/create-fault-plan.ts';
import { evaluateHypotheses } from '../hypotheses/evaluate.ts';
import { costFigures } from '../metrics/cost.ts';
import { createRecorder } from '../metrics/streaming-recorder.ts';
import { buildResult } from '../report/build-result.ts';
import type { RunResult } from '../report/result.ts';
import { createRng, randomSeed } from '../rng/rng.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunTracer } from '../tracing/run-tracer.ts';
import { driveWorkload } from '../workload/driver.ts';
import { createRequestSource } from '../workload/request-source.ts';
import { backendAttempts } from './backend-attempts.ts';
import { buildClient } from './build-client.ts';
import { checkReferences } from './check-references.ts';
import { closeBackends, openBackends } from './open-backends.ts';
import { pricesOf } from './prices.ts';
import { drainHorizonMs, timelineBucketMs } from './timeline.ts';
import { FAULTLINE_VERSION } from './version.ts';

export interface RunOptions {
  /** Overrides the scenario's seed; a random one is drawn (and recorded) when neither is given. */
  readonly seed?: number;
  /** Overrides the workload's duration (ms). */
  readonly durationMs?: number;
  /** Runs on the real clock, as `mode: real-time` does. */
  readonly realTime?: boolean;
  /** Path of the scenario file, for messages, relative plugin paths and the result. */
  readonly file?: string;
  /** Aborting stops new requests; the result is then marked incomplete. */
  readonly signal?: AbortSignal;
  readonly allowInsecureHttp?: boolean;
  /** Called as (virtual) time passes, for progress bars. */
  readonly onProgress?: (elapsedMs: number, totalMs: number) => void;
  /** Records requests and their backend calls, for `exportTraces` once the run is over. */
  readonly tracer?: RunTracer;
}

/** Runs one scenario to a result: the programmatic heart of `faultline run`. */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const file = options.file ?? `${scenario.name}.yaml`;
  checkReferences(scenario, file);
  const seed = options.seed ?? scenario.seed ?? randomSeed();
  const realTime = options.realTime ?? scenario.mode === 'real-time';
  const workload =
    options.durationMs === undefined
      ? scenario.workload
      : { ...scenario.workload, duration: options.durationMs };
  const endMs = workload.duration ?? Number.POSITIVE_INFINITY;
  const startedAt = wallClockIso();
  const wallStart = wallNow();

  const rng = createRng(seed);
  const clock: Clock = realTime ? createRealClock() : installVirtualClock();
  let backends = new Map<string, Backend>();
  try {
    const plan = createFaultPlan(scenario.phases);
    const recorder = createRecorder({
      phases: scenario.phases.map((p) => ({ name: p.name, fromMs: p.from, toMs: p.to })),
      bucketMs: timelineBucketMs(workload.duration, workload.requests),
      primaryBackend: primaryBackendOf(scenario),
    });
    const faultHooks = (name: string): FaultHooks => ({
      onCall: (at) => recorder.backendCall(at, name),
      onReached: (at) => recorder.backendReached(at, name),
      onInjected: (at, kinds) => recorder.faultInjected(at, kinds),
    });
    backends = await openBackends(
      scenario,
      file,
      {
        clock,
        rng,
        baseDir: options.file ? dirname(options.file) : process.cwd(),
        allowInsecureHttp: options.allowInsecureHttp,
        faultPlan: plan,
      },
      faultHooks,
    );
    const attempts = backendAttempts(backends, plan, clock, rng, faultHooks);
    const tracer = options.tracer;
    tracer?.attach(clock);
    const attemptOn = tracer ? (name: string) => tracer.attempts(name, attempts(name)) : attempts;
    const client = buildClient(scenario.topology, scenario.policies, [...backends.keys()], attemptOn, {
      clock,
      rng: rng.fork('policies'),
      events: { emit: (event) => recorder.policyEvent(clock.now(), event) },
    });

    const inFlight = new Map<number, number>();
    let sequence = 0;
    let sent = 0;
    const progressEvery = 1000;
    const send = async (request: BackendRequest) => {
      const id = ++sequence;
      const startedAtMs = clock.now();
      inFlight.set(id, startedAtMs);
      const traced = tracer ? tracer.started(request) : request;
      const outcome = await client.execute(traced);
      tracer?.ended(traced, outcome);
      inFlight.delete(id);
      recorder.requestEnded({ startedAtMs, endedAtMs: clock.now(), kind: outcome.kind, code: outcome.code });
      if (++sent % progressEvery === 0) options.onProgress?.(clock.now(), endMs);
    };
    const stop = options.signal ?? new AbortController().signal;
    const work = driveWorkload(workload, {
      clock,
      rng: rng.fork('workload'),
      nextRequest: createRequestSource(workload, rng.fork('requests')),
      send,
      reject: () => {
        const at = clock.now();
        recorder.requestEnded({ startedAtMs: at, endedAtMs: at, kind: 'failed', code: 'OVERLOAD' });
      },
      stop,
      endMs,
      maxRequests: workload.requests ?? Number.POSITIVE_INFINITY,
    });
    if (clock.kind === 'virtual') {
      await (clock as VirtualClock).drive(work, drainHorizonMs(endMs));
    } else {
      await Promise.race([work, abortPromise(stop)]);
    }
    const endedAtMs = clock.now();
    // Whatever is still waiting (a hung socket with no timeout) never got an answer: count it, once.
    for (const startedAtMs of inFlight.values()) {
      recorder.requestEnded({ startedAtMs, endedAtMs, kind: 'failed', code: 'NO_RESPONSE' });
    }
    const figures = recorder.figures(endedAtMs);
    const wallMs = wallNow() - wallStart;
    return buildResult({
      scenario: { name: scenario.name, description: scenario.description, file: options.file },
      seed,
      mode: realTime ? 'real-time' : 'simulated',
      durationMs: endedAtMs,
      complete: !stop.aborted,
      figures,
      hypotheses: evaluateHypotheses(scenario.hypotheses, figures),
      cost: costFigures(pricesOf(scenario), figures.backend.byBackend, figures.requests.total, endedAtMs),
      environment: {
        startedAt,
        wallMs: Math.round(wallMs),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        faultline: FAULTLINE_VERSION,
        simulatedRequestsPerSecond: realTime ? undefined : Math.round(sent / Math.max(wallMs / 1000, 1e-6)),
      },
    });
  } finally {
    if (clock.kind === 'virtual') (clock as VirtualClock).uninstall();
    await closeBackends(backends);
  }
}

function abortPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The backend whose breaker the whole-run breaker figures follow: the first one the topology tries. */
function primaryBackendOf(scenario: Scenario): string | undefined {
  const t = scenario.topology;
  if (t.type === 'failover') return t.order[0];
  if (t.type === 'fan-out') return t.backends[0];
  return undefined;
}
