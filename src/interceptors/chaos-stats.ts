/**
 * What the interception saw, live: exchanges per route and faults injected by kind. Each exchange is one
 * HTTP request from the client, so a client's own retries show up as extra calls.
 */
export interface ChaosStats {
  /** Exchanges intercepted, all routes together. */
  readonly calls: number;
  /** Exchanges per route (the path without its query string). */
  readonly callsByRoute: Readonly<Record<string, number>>;
  /** Faults injected, by kind (`error`, `network`, `latency`...); one exchange may count several. */
  readonly faultsByKind: Readonly<Record<string, number>>;
  /** Requests no route matched, as `METHOD url`; each was failed rather than sent to the network. */
  readonly unhandled: readonly string[];
}

export interface ChaosStatsRecorder extends ChaosStats {
  exchange(route: string): void;
  injected(kinds: readonly string[]): void;
  unhandledRequest(description: string): void;
  reset(): void;
}

export function createChaosStats(): ChaosStatsRecorder {
  let calls = 0;
  let callsByRoute: Record<string, number> = {};
  let faultsByKind: Record<string, number> = {};
  let unhandled: string[] = [];
  return {
    get calls() {
      return calls;
    },
    get callsByRoute() {
      return callsByRoute;
    },
    get faultsByKind() {
      return faultsByKind;
    },
    get unhandled() {
      return unhandled;
    },
    exchange(route) {
      calls++;
      callsByRoute[route] = (callsByRoute[route] ?? 0) + 1;
    },
    injected(kinds) {
      for (const kind of kinds) faultsByKind[kind] = (faultsByKind[kind] ?? 0) + 1;
    },
    unhandledRequest(description) {
      unhandled.push(description);
    },
    reset() {
      calls = 0;
      callsByRoute = {};
      faultsByKind = {};
      unhandled = [];
    },
  };
}
