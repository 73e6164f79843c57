import type { InterceptorKind } from './active-interceptor.ts';
import type { ChaosExchange } from './chaos-exchange.ts';

/** Which requests an interception answers: the given routes under one base URL, GET and POST. */
export interface InterceptionTarget {
  readonly baseUrl: string;
  /** Exact paths under the base URL's path, e.g. `/api/analyze`. */
  readonly routes: readonly string[];
}

/** An installed interceptor; nothing is intercepted any more once `uninstall` returned. */
export interface Interception {
  readonly kind: InterceptorKind;
  uninstall(): void;
}

export type InstallInterception = (exchange: ChaosExchange, target: InterceptionTarget) => Interception;
