import { type HttpHandler, HttpResponse, http } from 'msw';
import type { ChaosExchange } from '../chaos-exchange.ts';
import { type InterceptedMethod, routedPath, toBackendRequest } from '../exchange-request.ts';
import type { HttpAnswer } from '../http-answer.ts';
import type { InterceptionTarget } from '../interception.ts';

const METHOD_HANDLERS = { GET: http.get, POST: http.post } as const;

/**
 * msw 2.x handlers answering GET and POST on the routes under the base URL through the chaos exchange.
 * Spread them into your own `setupServer(...)` or let `installMswChaos` own the server. One handler per
 * method, matching the routes with a predicate: msw tries handlers in turn, so a handler per route would
 * make every request pay one path match per route. Other URLs match nothing and stay unhandled.
 */
export function createChaosHandlers(exchange: ChaosExchange, target: InterceptionTarget): HttpHandler[] {
  const base = new URL(target.baseUrl);
  const routes = new Set(target.routes);
  const pathOf = (request: Request) => routedPath(new URL(request.url), base, routes);
  return (Object.keys(METHOD_HANDLERS) as InterceptedMethod[]).map((method) =>
    METHOD_HANDLERS[method](
      ({ request }) => pathOf(request) !== undefined,
      async ({ request }) => {
        const body = method === 'GET' ? undefined : await request.text();
        const answer = await exchange.answer(
          toBackendRequest(method, pathOf(request) ?? '/', body),
          request.signal,
        );
        return toMswResponse(answer);
      },
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
