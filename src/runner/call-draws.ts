import type { BackendRequest } from '../backend/contract.ts';
import type { Rng } from '../rng/rng.ts';

/** One request in flight: its arrival number and, per keyed stream, how many calls have drawn from it. */
interface Arrival {
  readonly id: number;
  readonly attempts: number[];
}

/**
 * Which arrival a request envelope belongs to: the simulation numbers each request as it arrives (before
 * any policy sees it), so the number is the same whatever the policies do.
 */
export interface ArrivalIds {
  register(request: BackendRequest, id: number): void;
  /** The request was answered: every call it made has drawn already (draws happen as a call starts). */
  forget(request: BackendRequest): void;
  arrivalOf(request: BackendRequest): Arrival | undefined;
  /** A new keyed stream's index into each arrival's attempt counts. */
  nextStream(): number;
}

export function createArrivalIds(): ArrivalIds {
  // A Map emptied as requests end, not a WeakMap: weak entries cost the garbage collector on every cycle.
  const arrivals = new Map<BackendRequest, Arrival>();
  let streams = 0;
  return {
    register: (request, id) => arrivals.set(request, { id, attempts: [] }),
    forget: (request) => arrivals.delete(request),
    arrivalOf: (request) => arrivals.get(request),
    nextStream: () => streams++,
  };
}

/**
 * A backend's random draws keyed by (arrival, attempt on this backend) instead of taken in call order:
 * request 7's second attempt draws the same latency and faults whether or not request 3 was retried, so
 * two policies compared on one seed meet the same luck (common random numbers). A request the arrival
 * ids do not know (sent outside a simulation) draws from the stream in call order, as before.
 */
export function keyedDraws(stream: Rng, arrivals: ArrivalIds | undefined): (request: BackendRequest) => Rng {
  if (!arrivals) return () => stream;
  const index = arrivals.nextStream();
  return (request) => {
    const arrival = arrivals.arrivalOf(request);
    if (arrival === undefined) return stream;
    const attempt = arrival.attempts[index] ?? 0;
    arrival.attempts[index] = attempt + 1;
    return stream.fork(`${arrival.id}.${attempt}`);
  };
}
