import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Clock } from '../clock/clock.ts';
import { injectedStatus } from '../faults/chaos-backend.ts';
import type { EffectFailure } from '../faults/effect.ts';
import { json, writeBody } from './respond.ts';

/**
 * How a request ended, for metrics and logs: the HTTP status sent, or what happened to the connection
 * when no response was sent (`reset`, `no-reply`, `hang`, `aborted` when the client went away first).
 */
export type Outcome = string;

export interface DeliveryContext {
  readonly clock: Clock;
  /** Aborts when the client's connection closes (or the server shuts down). */
  readonly signal: AbortSignal;
}

/** Marks responses that carry an injected fault, so a person reading a capture can tell. */
export const FAULT_HEADER = 'x-faultline-fault';

/**
 * Turns a fault plan's failure into what a real client sees over HTTP. Status failures answer with the
 * same response the in-process chaos layer builds. Network failures act on the socket: `reset` sends a TCP
 * RST (ECONNRESET); `refused` and `dns` cannot happen to a connection that was already accepted, so the
 * nearest thing, closing it with no reply, stands in for them. `timeout` answers 504 after the wait, as a
 * gateway that gave up does. `hang` never answers and ends when the connection closes.
 */
export async function deliverFailure(
  failure: EffectFailure,
  res: ServerResponse,
  kinds: readonly string[],
  ctx: DeliveryContext,
): Promise<Outcome> {
  switch (failure.type) {
    case 'status': {
      const response = injectedStatus(failure.status, failure.retryAfterMs);
      writeBody(
        res,
        response.status,
        { ...response.headers, [FAULT_HEADER]: kinds.join(',') },
        json(response.body),
      );
      return String(response.status);
    }
    case 'network':
      if (failure.error === 'reset') res.socket?.resetAndDestroy();
      else res.socket?.destroy();
      return failure.error === 'reset' ? 'reset' : 'no-reply';
    case 'hang':
      await closed(ctx.signal);
      return 'hang';
    case 'timeout': {
      if (!(await sleepUnlessClosed(failure.afterMs, ctx))) return 'aborted';
      const response = injectedStatus(504, undefined);
      writeBody(res, 504, { ...response.headers, [FAULT_HEADER]: kinds.join(',') }, json(response.body));
      return '504';
    }
  }
}

/** How many pieces a dribbled body is cut into: enough to look slow, few enough to stay cheap. */
const DRIBBLE_PIECES = 10;

/**
 * Sends the headers at once and the body in pieces spread over `durationMs`: a slow response that a
 * client's time-to-first-byte timeout does not catch but a total-time timeout does.
 */
export async function dribbleBody(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
  durationMs: number,
  ctx: DeliveryContext,
): Promise<Outcome> {
  res.writeHead(status, { ...headers, 'content-length': body.length });
  res.flushHeaders();
  const pieces = Math.max(1, Math.min(DRIBBLE_PIECES, body.length));
  const size = Math.ceil(body.length / pieces);
  for (let offset = 0; offset < body.length; offset += size) {
    if (!(await sleepUnlessClosed(durationMs / pieces, ctx))) return 'aborted';
    res.write(body.subarray(offset, offset + size));
  }
  res.end();
  return String(status);
}

/** The longest wait one Node timer holds (2^31 − 1 ms, about 24.8 days); past it a timer fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sleeps on the clock; false when the connection closed meanwhile (nothing left to answer). A wait past
 * MAX_TIMER_MS is slept as a chain of shorter ones, so a 35-day latency fault waits 35 days instead of
 * Node's overflow turning it into 1 ms.
 */
export async function sleepUnlessClosed(ms: number, ctx: DeliveryContext): Promise<boolean> {
  if (ms <= 0) return !ctx.signal.aborted;
  try {
    for (let left = ms; left > 0; left -= MAX_TIMER_MS) {
      await ctx.clock.sleep(Math.min(left, MAX_TIMER_MS), ctx.signal);
    }
    return true;
  } catch {
    return false;
  }
}

function closed(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** A signal that aborts when the response's connection closes before the response finished. */
export function connectionSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  // Aborting builds a DOMException with a stack: skip it for the common case of a finished response.
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
