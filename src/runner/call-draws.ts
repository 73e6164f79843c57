import type { BackendRequest } from '../backend/contract.ts';
import type { Rng } from '../rng/rng.ts';

/**
 * Which arrival a request envelope belongs to: the simulation numbers each request as it arrives (before
 * any policy sees it), so the number is the same whatever the policies do.
 */
export interface ArrivalIds {
  register(request: BackendRequest, id: number): void;
  idOf(request: BackendRequest): number | undefined;
}

export function createArrivalIds(): ArrivalIds {
  const ids = new WeakMap<BackendRequest, number>();
  return { register: (request, id) => ids.set(request, id), idOf: (request) => ids.get(request) };
}

/**
 * A backend's random draws keyed by (arrival, attempt on this backend) instead of taken in call order:
 * request 7's second attempt draws the same latency and faults whether or not request 3 was retried, so
 * two policies compared on one seed meet the same luck (common random numbers). A request the arrival
 * ids do not know (sent outside a simulation) draws from the stream in call order, as before.
 */
export function keyedDraws(stream: Rng, arrivals: ArrivalIds | undefined): (request: BackendRequest) => Rng {
  if (!arrivals) return () => stream;
  const attemptsOf = new WeakMap<BackendRequest, number>();
  return (request) => {
    const id = arrivals.idOf(request);
    if (id === undefined) return stream;
    const attempt = attemptsOf.get(request) ?? 0;
    attemptsOf.set(request, attempt + 1);
    return stream.fork(`${id}.${attempt}`);
  };
}
