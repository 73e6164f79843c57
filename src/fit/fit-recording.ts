import { mean, median, quantileSorted, standardDeviation } from 'simple-statistics';
import type { Exchange } from '../record/exchange.ts';
import { fitLatency, type LatencyFit } from './latency-fit.ts';
import { isFailure } from './outcome.ts';
import { routeTemplate } from './route-template.ts';
import { chooseWindowMs, phaseBoundaries } from './windows.ts';

/** A way requests failed, with the share of the phase-route's requests that failed so. */
export type FailureShare =
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly share: number;
      readonly count: number;
      readonly retryAfterMs?: number;
    }
  | {
      readonly kind: 'network';
      readonly error: 'reset' | 'refused';
      readonly share: number;
      readonly count: number;
    }
  | { readonly kind: 'timeout'; readonly share: number; readonly count: number; readonly afterMs: number };

export interface RouteFit {
  readonly method: string;
  readonly template: string;
  readonly requests: number;
  /** Latency of the successful requests. */
  readonly latency: LatencyFit | undefined;
  readonly failures: readonly FailureShare[];
}

export interface PhaseFit {
  readonly name: string;
  readonly fromMs: number;
  /** Absent for the last phase, which runs to the end. */
  readonly toMs: number | undefined;
  readonly requests: number;
  readonly availability: number;
  readonly routes: readonly RouteFit[];
}

export interface RecordingFit {
  readonly requests: number;
  readonly spanMs: number;
  /** Mean arrivals per second over the recording. */
  readonly arrivalRate: number;
  /** Coefficient of variation of the gaps between arrivals: ≈1 for Poisson arrivals, ≈0 for a constant rate. */
  readonly interArrivalCv: number;
  readonly windowMs: number;
  readonly availability: number;
  /** Latency quantiles over every answered request, as the recording saw them. */
  readonly latency: { readonly p50: number; readonly p99: number };
  /** Per route over the whole recording, busiest first. */
  readonly routes: readonly RouteFit[];
  readonly phases: readonly PhaseFit[];
  /** Requests left out: the client gave up before an answer. */
  readonly aborted: number;
}

export interface FitOptions {
  /** Window for the phase split; chosen from the traffic when absent. */
  readonly windowMs?: number;
}

/** Everything `faultline fit` learns from a recording, before it is written as a scenario. */
export function fitRecording(all: readonly Exchange[], options: FitOptions = {}): RecordingFit {
  const exchanges = all.filter((e) => e.failure !== 'aborted');
  const last = exchanges.at(-1);
  const spanMs = last ? Math.max(last.startedMs, 1) : 1;
  const windowMs = chooseWindowMs(exchanges, spanMs, options.windowMs);
  const starts = phaseBoundaries(exchanges, spanMs, windowMs);
  const phases = starts.map((fromMs, i): PhaseFit => {
    const toMs = starts[i + 1];
    const inPhase = exchanges.filter(
      (e) => e.startedMs >= fromMs && (toMs === undefined || e.startedMs < toMs),
    );
    return {
      name: `phase-${i + 1}`,
      fromMs,
      toMs,
      requests: inPhase.length,
      availability: availability(inPhase),
      routes: fitRoutes(inPhase),
    };
  });
  const durations = exchanges.map((e) => e.durationMs).sort((a, b) => a - b);
  return {
    requests: exchanges.length,
    spanMs,
    arrivalRate: exchanges.length / (spanMs / 1000),
    interArrivalCv: interArrivalCv(exchanges),
    windowMs,
    availability: availability(exchanges),
    latency: {
      p50: durations.length ? quantileSorted(durations, 0.5) : 0,
      p99: durations.length ? quantileSorted(durations, 0.99) : 0,
    },
    routes: fitRoutes(exchanges),
    phases,
    aborted: all.length - exchanges.length,
  };
}

function fitRoutes(exchanges: readonly Exchange[]): RouteFit[] {
  const groups = new Map<string, Exchange[]>();
  for (const exchange of exchanges) {
    const key = `${exchange.method} ${routeTemplate(exchange.path)}`;
    const group = groups.get(key);
    if (group) group.push(exchange);
    else groups.set(key, [exchange]);
  }
  return [...groups]
    .map(([key, group]) => {
      const [method = 'GET', template = '/'] = key.split(' ');
      return {
        method,
        template,
        requests: group.length,
        latency: fitLatency(group.filter((e) => !isFailure(e)).map((e) => e.durationMs)),
        failures: failureShares(group),
      };
    })
    .sort((a, b) => b.requests - a.requests || (a.template < b.template ? -1 : 1));
}

function failureShares(group: readonly Exchange[]): FailureShare[] {
  const n = group.length;
  const out: FailureShare[] = [];
  for (const error of ['reset', 'refused'] as const) {
    const count = group.filter((e) => e.failure === error).length;
    if (count) out.push({ kind: 'network', error, share: count / n, count });
  }
  const timeouts = group.filter((e) => e.failure === 'timeout');
  if (timeouts.length) {
    out.push({
      kind: 'timeout',
      share: timeouts.length / n,
      count: timeouts.length,
      afterMs: median(timeouts.map((e) => e.durationMs)),
    });
  }
  const byStatus = new Map<number, Exchange[]>();
  for (const e of group) {
    if (e.failure !== undefined || e.status < 400) continue;
    const list = byStatus.get(e.status);
    if (list) list.push(e);
    else byStatus.set(e.status, [e]);
  }
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    const waits = list.flatMap((e) => (e.retryAfterMs === undefined ? [] : [e.retryAfterMs]));
    out.push({
      kind: 'status',
      status,
      share: list.length / n,
      count: list.length,
      ...(waits.length ? { retryAfterMs: median(waits) } : {}),
    });
  }
  return out;
}

function availability(exchanges: readonly Exchange[]): number {
  if (exchanges.length === 0) return 0;
  return exchanges.filter((e) => !isFailure(e)).length / exchanges.length;
}

function interArrivalCv(exchanges: readonly Exchange[]): number {
  if (exchanges.length < 3) return 0;
  const gaps: number[] = [];
  for (let i = 1; i < exchanges.length; i++)
    gaps.push((exchanges[i]?.startedMs ?? 0) - (exchanges[i - 1]?.startedMs ?? 0));
  const average = mean(gaps);
  return average === 0 ? 0 : standardDeviation(gaps) / average;
}
