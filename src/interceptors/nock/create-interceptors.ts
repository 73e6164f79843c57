import type { Interceptor } from 'nock';
import type { ChaosExchange } from '../chaos-exchange.ts';
import { INTERCEPTED_METHODS, routedPath, toBackendRequest } from '../exchange-request.ts';
import type { HttpAnswer } from '../http-answer.ts';
import type { InterceptionTarget } from '../interception.ts';
import type { Nock } from './load-nock.ts';

/**
 * Persistent nock 14 interceptors answering GET and POST on the routes under the base URL through the
 * chaos exchange. Replies are async functions: delays run on the exchange's clock, and a network fault
 * rejects with a coded error, which nock hands to the client as `replyWithError({ code })` would.
 */
export function defineChaosInterceptors(
  nock: Nock,
  exchange: ChaosExchange,
  target: InterceptionTarget,
): Interceptor[] {
  const base = new URL(target.baseUrl);
  const routes = new Set(target.routes);
  const pathOf = (uri: string) => routedPath(new URL(uri, base.origin), base, routes);
  const scope = nock(base.origin).persist();
  return INTERCEPTED_METHODS.map((method) => {
    const interceptor = scope.intercept((uri) => pathOf(uri) !== undefined, method);
    interceptor.reply(async (uri, body) =>
      toNockReply(await exchange.answer(toBackendRequest(method, pathOf(uri) ?? uri, body))),
    );
    return interceptor;
  });
}

function toNockReply(answer: HttpAnswer): [number, string, Record<string, string>] {
  switch (answer.type) {
    case 'response':
      return [answer.status, answer.body, { ...answer.headers }];
    case 'network-error':
      throw Object.assign(new Error(`${answer.code} (injected by faultline)`), { code: answer.code });
    case 'aborted':
      throw answer.reason;
  }
}
