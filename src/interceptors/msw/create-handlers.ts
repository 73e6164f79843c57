import { type HttpHandler, HttpResponse, http } from 'msw';
import type { ChaosExchange } from '../chaos-exchange.ts';
import { type InterceptedMethod, pathUnderBase, toBackendRequest } from '../exchange-request.ts';
import type { HttpAnswer } from '../http-answer.ts';
import { type InterceptionTarget, routeUrl } from '../interception.ts';

const METHOD_HANDLERS = { GET: http.get, POST: http.post } as const;

/**
 * msw 2.x handlers answering GET and POST on each route under the base URL through the chaos exchange.
 * Spread them into your own `setupServer(...)` or let `installMswChaos` own the server.
 */
export function createChaosHandlers(exchange: ChaosExchange, target: InterceptionTarget): HttpHandler[] {
  const base = new URL(target.baseUrl);
  return target.routes.flatMap((route) =>
    (Object.keys(METHOD_HANDLERS) as InterceptedMethod[]).map((method) =>
      METHOD_HANDLERS[method](routeUrl(base, route), async ({ request }) => {
        const body = method === 'GET' ? undefined : await request.text();
        const path = pathUnderBase(new URL(request.url), base);
        return toMswResponse(await exchange.answer(toBackendRequest(method, path, body), request.signal));
      }),
    ),
  );
}

/**
 * msw cannot fail a request with an error code: `HttpResponse.error()` reaches the client as a bare
 * network error ("Failed to fetch", "Network error"). The runner adapter restores the injected code from
 * the call scope; in a test, assert on `stats.faultsByKind` rather than on the client's error code.
 */
function toMswResponse(answer: HttpAnswer): Response {
  switch (answer.type) {
    case 'response':
      return new HttpResponse(answer.body === '' ? null : answer.body, {
        status: answer.status,
        headers: answer.headers,
      });
    case 'network-error':
    case 'aborted':
      return HttpResponse.error();
  }
}
