import { ratio } from './rounding.ts';

const DAY_MS = 86_400_000;

export interface CostFigures {
  readonly currency: string;
  /** What the run's backend calls cost. */
  readonly total: number;
  readonly perRequest: number;
  /** The run's spend rate carried over a whole day: total × 24 h / the run's (virtual) duration. */
  readonly perDay: number;
  /** Spend per priced backend, keys sorted. */
  readonly byBackend: Readonly<Record<string, number>>;
}

export interface Price {
  readonly perCall: number;
  readonly currency: string;
}

/** Money to the millionth, so sums of float prices serialise the same way everywhere. */
function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Cost in money from calls per backend (every call that left the client, as `backend.calls` counts
 * them). Undefined when no backend has a price. Prices share one currency (checked at load).
 */
export function costFigures(
  prices: ReadonlyMap<string, Price>,
  callsByBackend: Readonly<Record<string, number>>,
  requests: number,
  durationMs: number,
): CostFigures | undefined {
  const [first] = prices.values();
  if (!first) return undefined;
  let total = 0;
  const byBackend: Record<string, number> = {};
  for (const name of [...prices.keys()].sort()) {
    const spent = (callsByBackend[name] ?? 0) * (prices.get(name)?.perCall ?? 0);
    byBackend[name] = roundMoney(spent);
    total += spent;
  }
  return {
    currency: first.currency,
    total: roundMoney(total),
    perRequest: roundMoney(ratio(total, requests, 0)),
    perDay: roundMoney(durationMs > 0 ? (total * DAY_MS) / durationMs : 0),
    byBackend,
  };
}
