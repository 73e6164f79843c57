import type { Backend, BackendRequest, CallContext } from '../backend/contract.ts';
import { isNetworkError, type NetworkErrorCode } from '../errors/call-errors.ts';

/** What goes on the wire for one intercepted exchange: a response, or a connection that fails with a code. */
export type HttpAnswer =
  | {
      readonly type: 'response';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      /** Exactly the bytes to send: JSON text, or a damaged body as it came out of a malformed fault. */
      readonly body: string;
    }
  | { readonly type: 'network-error'; readonly code: NetworkErrorCode }
  /** The client (or the runner's call) gave up first: nothing is left to answer. */
  | { readonly type: 'aborted'; readonly reason: unknown };

/**
 * The one mapping from a fault effect to HTTP, shared by msw and nock: the exchange goes through the
 * chaos layer in front of the backend (so delays, failures and corruption are decided and applied exactly
 * as in process), and its outcome becomes an HTTP answer. A hang (or a delay) ends as `aborted` when the
 * exchange's signal aborts.
 */
export async function answerExchange(
  chaos: Backend,
  request: BackendRequest,
  ctx: CallContext,
): Promise<HttpAnswer> {
  try {
    const response = await chaos.call(request, ctx);
    const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    return { type: 'response', status: response.status, headers: response.headers, body: body ?? '' };
  } catch (error) {
    if (isNetworkError(error)) return { type: 'network-error', code: error.code as NetworkErrorCode };
    if (ctx.signal.aborted) return { type: 'aborted', reason: ctx.signal.reason };
    throw error;
  }
}
