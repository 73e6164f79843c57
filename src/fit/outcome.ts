import type { Exchange } from '../record/exchange.ts';

/** What a request counts as when fitting: a success is a 1xx–3xx answer with no failure below HTTP. */
export function isFailure(exchange: Exchange): boolean {
  return exchange.failure !== undefined || exchange.status === 0 || exchange.status >= 400;
}
