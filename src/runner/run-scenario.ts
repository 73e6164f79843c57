import { dirname } from 'node:path';
import type { BackendRequest } from '../backend/contract.ts';
import { wallClockIso, wallNow } from '../clock/real-clock.ts';
import { evaluateHypotheses } from '../hypotheses/evaluate.ts';
import { costFigures } from '../metrics/cost.ts';
import { createRecorder } from '../metrics/streaming-recorder.ts';
import type { AttemptFn } from '../policies/stack.ts';
import { buildResult } from '../report/build-result.ts';
import type { RunResult } from '../report/result.ts';
import { randomSeed } from '../rng/rng.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunTracer } from '../tracing/run-tracer.ts';
import { buildClient } from './build-client.ts';
import { checkReferences } from './check-references.ts';
import { pricesOf } from './prices.ts';
import { primaryBackend } from './primary-backend.ts';
import { simulate } from './simulate.ts';
import { TIMELINE_FINEST_BUCKET_MS } from './timeline.ts';
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
  /** Aborting ends the run at once; the result is then marked incomplete. */
  readonly signal?: AbortSignal;
  readonly allowInsecureHttp?: boolean;
  /** Called as (virtual) time passes, for progress bars. */
  readonly onProgress?: (elapsedMs: number, totalMs: number) => void;
  /** Records requests and their backend calls, for `exportTraces` once the run is over. */
  readonly tracer?: RunTracer;
  /**
   * Draw backend latency and faults in call order instead of keyed by (request, attempt): what a
   * served backend does, which cannot know a call's request. For comparing with one (tests).
   */
  readonly callOrderDraws?: boolean;
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

  const recorder = createRecorder({
    phases: scenario.phases.map((p) => ({ name: p.name, fromMs: p.from, toMs: p.to })),
    bucketMs: TIMELINE_FINEST_BUCKET_MS,
    primaryBackend: primaryBackend(scenario),
  });
  const tracer = options.tracer;
  const inFlight = new Map<number, number>();
  // Backend calls per request: each request travels as its own envelope, so an attempt can name it. A
  // Map emptied as requests end, not a WeakMap: weak entries cost the garbage collector on every cycle.
  const attemptsOf = new Map<BackendRequest, number>();
  let sequence = 0;
  let sent = 0;
  const progressEvery = 1000;
  const simulation = await simulate(
    scenario,
    {
      seed,
      realTime,
      workload,
      file,
      baseDir: options.file ? dirname(options.file) : process.cwd(),
      allowInsecureHttp: options.allowInsecureHttp,
      stop: options.signal,
      ...(options.callOrderDraws && { callOrderDraws: true }),
    },
    (clock) => ({
      faultHooks: (name) => ({
        onCall: (at) => recorder.backendCall(at, name),
        onReached: (at) => recorder.backendReached(at, name),
        onInjected: (at, kinds) => recorder.faultInjected(at, kinds),
      }),
      client: ({ attemptOn, backendNames, rng }) => {
        tracer?.attach(clock);
        const traced = tracer ? (name: string) => tracer.attempts(name, attemptOn(name)) : attemptOn;
        return buildClient(
          scenario.topology,
          scenario.policies,
          backendNames,
          countingAttempts(traced, attemptsOf),
          {
            clock,
            rng,
            events: { emit: (event) => recorder.policyEvent(clock.now(), event) },
          },
        );
      },
      async send(request, execute) {
        const id = ++sequence;
        const startedAtMs = clock.now();
        inFlight.set(id, startedAtMs);
        recorder.requestStarted(startedAtMs);
        const frozen = Object.freeze({ ...request });
        const own = tracer ? tracer.started(frozen) : frozen;
        attemptsOf.set(own, 0);
        const outcome = await execute(own);
        tracer?.ended(own, outcome);
        const { kind, code } = outcome;
        inFlight.delete(id);
        const attempts = attemptsOf.get(own);
        attemptsOf.delete(own);
        recorder.requestEnded({ startedAtMs, endedAtMs: clock.now(), kind, code, attempts });
        if (++sent % progressEvery === 0) options.onProgress?.(clock.now(), endMs);
      },
      turnedAway() {
        const at = clock.now();
        recorder.requestEnded({
          startedAtMs: at,
          endedAtMs: at,
          kind: 'failed',
          code: 'OVERLOAD',
          turnedAway: true,
        });
      },
    }),
  );
  const { endedAtMs } = simulation;
  const complete = simulation.ending !== 'stopped';
  // Whatever is still waiting (a hung socket with no timeout) never got an answer: count it, once. A run
  // stopped by Ctrl-C leaves its in-flight requests out instead: they were cut off, not unanswered.
  if (complete) {
    for (const startedAtMs of inFlight.values()) {
      recorder.requestEnded({ startedAtMs, endedAtMs, kind: 'failed', code: 'NO_RESPONSE' });
    }
  }
  const figures = recorder.figures(endedAtMs);
  const wallMs = wallNow() - wallStart;
  return buildResult({
    scenario: { name: scenario.name, description: scenario.description, file: options.file },
    seed,
    mode: realTime ? 'real-time' : 'simulated',
    durationMs: endedAtMs,
    complete,
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
}

/** Each attempt adds one to its request's count (requests the runner did not send are not counted). */
function countingAttempts(
  attemptOn: (name: string) => AttemptFn,
  attemptsOf: Map<BackendRequest, number>,
): (name: string) => AttemptFn {
  const counted = new Map<string, AttemptFn>();
  return (name) => {
    let attempt = counted.get(name);
    if (!attempt) {
      const inner = attemptOn(name);
      attempt = (request, signal) => {
        const made = attemptsOf.get(request);
        if (made !== undefined) attemptsOf.set(request, made + 1);
        return inner(request, signal);
      };
      counted.set(name, attempt);
    }
    return attempt;
  };
}
