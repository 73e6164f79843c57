import type { BackendRequest } from '../backend/contract.ts';

/** The methods of the backend contract; intercepted routes answer these and leave others unhandled. */
export const INTERCEPTED_METHODS = ['GET', 'POST'] as const;
export type InterceptedMethod = (typeof INTERCEPTED_METHODS)[number];

/**
 * The path of `url` under the base URL (`/x?q` for `http://api.test/v1/x?q` under `http://api.test/v1`),
 * query string kept, when it is one of `routes`; undefined for any other URL.
 */
export function routedPath(url: URL, base: URL, routes: ReadonlySet<string>): string | undefined {
  if (url.origin !== base.origin) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
  const path = url.pathname.slice(basePath.length) + url.search;
  return routes.has(routeOf(path)) ? path : undefined;
}

/** Routes are matched on the path without its query string, as fault `routes:` are. */
export function routeOf(path: string): string {
  const cut = path.indexOf('?');
  return cut < 0 ? path : path.slice(0, cut);
}

/** The backend request an intercepted HTTP request stands for; a body that is not JSON is passed on as text. */
export function toBackendRequest(method: InterceptedMethod, path: string, body: unknown): BackendRequest {
  const parsed = typeof body === 'string' ? parseJsonOrText(body) : body;
  return parsed === undefined ? { method, path } : { method, path, body: parsed };
}

function parseJsonOrText(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
