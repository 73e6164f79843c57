import type { BackendRequest } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { exponential } from '../rng/distributions.ts';
import type { Rng } from '../rng/rng.ts';
import type { Workload } from './schema.ts';

export interface DriverDeps {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly nextRequest: () => BackendRequest;
  /** Executes one request and records its outcome; never rejects. */
  readonly send: (request: BackendRequest) => Promise<void>;
  /** Records an arrival the open loop had to turn away (too many in flight). */
  readonly reject: (request: BackendRequest) => void;
  /** Stops issuing new requests (Ctrl-C); requests in flight still finish. */
  readonly stop: AbortSignal;
  readonly endMs: number;
  readonly maxRequests: number;
}

/** Issues the workload's requests until its duration or request count runs out, then waits for them. */
export function driveWorkload(workload: Workload, deps: DriverDeps): Promise<void> {
  return workload.model === 'closed' ? closedLoop(workload, deps) : openLoop(workload, deps);
}

function budget(deps: DriverDeps) {
  let issued = 0;
  return {
    take(): boolean {
      if (deps.stop.aborted || issued >= deps.maxRequests || deps.clock.now() >= deps.endMs) return false;
      issued++;
      return true;
    },
  };
}

/**
 * Requests in a row a closed-loop client may see answered in no time before it waits on the clock once.
 * Without think time, calls that fail (or hit a cache) in 0 ms chain on promises alone: nothing would
 * reach the event loop (no Ctrl-C) and the clock could not see that time has stopped.
 */
const ZERO_TIME_RUN = 8;

/** N clients, each waiting for its answer (and its think time) before sending again. */
async function closedLoop(workload: Extract<Workload, { model: 'closed' }>, deps: DriverDeps): Promise<void> {
  const quota = budget(deps);
  const client = async () => {
    let zeroTime = 0;
    while (quota.take()) {
      const sentAt = deps.clock.now();
      await deps.send(deps.nextRequest());
      if (workload.thinkTime > 0) await deps.clock.sleep(workload.thinkTime);
      else if (deps.clock.now() > sentAt) zeroTime = 0;
      else if (++zeroTime >= ZERO_TIME_RUN) {
        zeroTime = 0;
        await deps.clock.sleep(0);
      }
    }
  };
  await Promise.all(Array.from({ length: workload.clients }, client));
}

/**
 * Arrivals on a schedule that ignores responses, so slow answers do not hide latency (no coordinated
 * omission). Poisson arrivals draw exponential gaps; constant ones are evenly spaced. Each arrival is a
 * clock callback rather than an awaited sleep: one timer per arrival, no promise or abort listener (an
 * open loop makes hundreds of thousands), and the same order of events, since a timer fires only once
 * everything before it has settled.
 */
function openLoop(workload: Extract<Workload, { model: 'open' }>, deps: DriverDeps): Promise<void> {
  const quota = budget(deps);
  const meanGapMs = 1000 / workload.rate;
  let inFlight = 0;
  let arriving = true;
  // Arrivals follow an absolute schedule, so late timers (a busy machine in real time) do not add up
  // to fewer requests than the rate asks for.
  let nextAtMs = deps.clock.now();
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      inFlight--;
      if (inFlight === 0 && !arriving) resolve();
    };
    const arrive = () => {
      try {
        if (!quota.take()) {
          arriving = false;
          if (inFlight === 0) resolve();
          return;
        }
        const request = deps.nextRequest();
        if (inFlight >= workload.maxInFlight) deps.reject(request);
        else {
          inFlight++;
          deps.send(request).then(done, done);
        }
        const gap = workload.arrivals === 'poisson' ? exponential(deps.rng, meanGapMs) : meanGapMs;
        nextAtMs += gap;
        deps.clock.schedule(Math.max(0, nextAtMs - deps.clock.now()), arrive);
      } catch (error) {
        arriving = false;
        reject(error);
      }
    };
    arrive();
  });
}
