import { stringify } from 'yaml';
import { latencyMedian } from '../faults/latency.ts';
import { formatDuration } from '../util/duration.ts';
import type { FailureShare, PhaseFit, RecordingFit, RouteFit } from './fit-recording.ts';
import type { LatencyFit } from './latency-fit.ts';

/** A phase whose success median is more than this above the base latency's gets the difference as a latency fault. */
const SAME_LATENCY = 0.1;

export interface FittedScenario {
  /** Commented YAML that `faultline validate` accepts. */
  readonly yaml: string;
  /** Routes the workload cannot replay (methods other than GET and POST), for the report. */
  readonly dropped: readonly string[];
}

/**
 * Writes a fit as a scenario: the workload replays the recorded mix at the recorded rate, each phase
 * carries the failures seen in it, and latency goes where it reproduces the recording best. With one
 * route it is the backend's base latency, which (as behind a real server) failures skip, plus a fixed
 * shift in phases that ran slower; with several, each phase and route gets a latency fault, which
 * failures pay too (the stand-in backend has one base latency for all routes).
 */
export function fittedScenarioYaml(
  fit: RecordingFit,
  options: { readonly name: string; readonly source: string },
): FittedScenario {
  const replayable = fit.routes.filter((r) => r.method === 'GET' || r.method === 'POST');
  const dropped = fit.routes.filter((r) => !replayable.includes(r)).map((r) => `${r.method} ${r.template}`);
  const single = fit.routes.length === 1 ? fit.routes[0] : undefined;
  const baseLatency = single ? baseLatencyOf(fit, single) : undefined;
  const oneRoute = fit.routes.length === 1;
  const lines: string[] = [
    `# Fitted by faultline fit from ${options.source}: ${fit.requests} requests over ${seconds(fit.spanMs)}.`,
    '# Latency: maximum-likelihood fits over fixed/uniform/normal/lognormal/Pareto, the lowest BIC chosen,',
    '# with the Kolmogorov–Smirnov distance beside each (0 is a perfect fit; above ~0.05 look at the report).',
    `# Phases: binary segmentation of ${formatDuration(fit.windowMs)} windows (failure rate, log p50, log p90).`,
    '# The stand-in backend answers only the argument-analysis API: for another API, point backends.primary',
    '# at your service (plugin: http) or a plugin of yours, and keep the phases.',
    `name: ${options.name}`,
    `description: ${JSON.stringify(`fitted from ${options.source}: availability ${fit.availability.toFixed(3)}, p50 ${ms(fit.latency.p50)}, p99 ${ms(fit.latency.p99)}`)}`,
    'seed: 1',
    'backends:',
    '  primary:',
    '    plugin: mock-analysis',
    '    options:',
  ];
  if (baseLatency && single) {
    lines.push(`      # ${single.method} ${single.template}: ${fitNote(baseLatency)}`);
    lines.push(
      '      # failures skip it, as they skip a real server’s work; slower phases add a shift below',
    );
    lines.push(`      latency: ${flow(baseLatency.best.distribution)}`);
  } else {
    lines.push('      # latency comes from each phase’s latency faults below');
    lines.push(`      latency: ${flow({ type: 'fixed', ms: 0 })}`);
  }
  lines.push(
    '# No policies: the recording shows the upstream as a bare client meets it; add yours and compare.',
    'workload:',
    '  model: open',
    `  rate: ${round(fit.arrivalRate, 3)} # requests per second, mean over the recording`,
    `  arrivals: ${fit.interArrivalCv < 0.5 ? 'constant' : 'poisson'} # inter-arrival CV ${fit.interArrivalCv.toFixed(2)}`,
    `  duration: ${formatDuration(Math.round(fit.spanMs))}`,
    '  mix:',
  );
  for (const route of replayable) {
    lines.push(`    - ${flow({ endpoint: route.template, method: route.method, weight: route.requests })}`);
  }
  if (dropped.length) lines.push(`  # not replayable (only GET and POST are): ${dropped.join(', ')}`);
  lines.push(
    '# Each phase starts where the mean rate reaches its first recorded request, so it keeps its share of the',
    '# requests even where the recorded rate wandered; the recorded times are in the comments and the report.',
    'phases:',
  );
  const starts = requestTimeStarts(fit);
  for (const [i, phase] of fit.phases.entries()) {
    const recorded = `${formatDuration(Math.round(phase.fromMs))}..${phase.toMs === undefined ? 'end' : formatDuration(Math.round(phase.toMs))}`;
    lines.push(
      `  # recorded ${recorded}: ${phase.requests} requests, availability ${phase.availability.toFixed(3)}`,
    );
    lines.push(`  - name: ${phase.name}`);
    lines.push(`    from: ${formatDuration(starts[i] ?? 0)}`);
    const to = starts[i + 1];
    if (to !== undefined) lines.push(`    to: ${formatDuration(to)}`);
    const faults = phaseFaults(phase, fit, { base: baseLatency, oneRoute });
    if (faults.length === 0) lines.push('    faults: []');
    else lines.push('    faults:');
    for (const { fault, note } of faults) {
      lines.push(`      # ${note}`);
      lines.push(`      - ${flow(fault)}`);
    }
  }
  lines.push(
    'hypotheses:',
    `  - ${flow({ name: 'availability as recorded', metric: 'availability', op: '>=', value: round(Math.max(0, fit.availability - 0.02), 3) })}`,
  );
  return { yaml: `${lines.join('\n')}\n`, dropped };
}

/** Phase starts in ms on the constant-rate clock: the k-th request arrives at k / rate. */
function requestTimeStarts(fit: RecordingFit): number[] {
  let before = 0;
  return fit.phases.map((phase) => {
    const at = Math.round((before / fit.arrivalRate) * 1000);
    before += phase.requests;
    return at;
  });
}

function phaseFaults(
  phase: PhaseFit,
  fit: RecordingFit,
  options: { readonly base: LatencyFit | undefined; readonly oneRoute: boolean },
): { fault: Record<string, unknown>; note: string }[] {
  const out: { fault: Record<string, unknown>; note: string }[] = [];
  for (const route of phase.routes) {
    const routes = options.oneRoute ? {} : { routes: [route.template] };
    const name = `${route.method} ${route.template}`;
    const shift = options.base && route.latency ? medianShift(options.base, route.latency) : 0;
    if (shift > 0) {
      out.push({
        fault: { kind: 'latency', distribution: { type: 'fixed', ms: round(shift, 1) } },
        note: `${name}: median ${round(shift, 1)} ms above the base here (a shift, approximating ${fitNote(route.latency as LatencyFit)})`,
      });
    }
    if (!options.base) {
      const latency =
        route.latency ??
        fit.routes.find((r) => r.method === route.method && r.template === route.template)?.latency;
      if (latency) {
        out.push({
          fault: { kind: 'latency', ...routes, distribution: latency.best.distribution },
          note: `${name}: ${fitNote(latency)}${route.latency ? '' : ' (whole recording: too few successes in this phase)'}`,
        });
      }
    }
    // Failure faults are tried in order and the first that fires wins, so each rate is the share left
    // after the ones before it: r_k = q_k / (1 − Σ_{j<k} q_j).
    let taken = 0;
    for (const failure of route.failures) {
      const rate = Math.min(1, failure.share / Math.max(1e-12, 1 - taken));
      taken += failure.share;
      out.push({
        fault: { ...failureFault(failure), ...routes, rate: round(rate, 4) },
        note: `${name}: ${describe(failure)} in ${failure.count} of ${route.requests} requests (${(failure.share * 100).toFixed(1)}%)`,
      });
    }
  }
  return out;
}

/** The fault as it is written in YAML (durations as text), before the schema reads it. */
function failureFault(failure: FailureShare): Record<string, unknown> {
  switch (failure.kind) {
    case 'status':
      return {
        kind: 'error',
        status: Math.min(599, Math.max(400, failure.status)),
        ...(failure.retryAfterMs === undefined
          ? {}
          : { retryAfter: formatDuration(Math.round(failure.retryAfterMs)) }),
      };
    case 'network':
      return { kind: 'network', error: failure.error };
    case 'timeout':
      return { kind: 'timeout', after: formatDuration(Math.round(failure.afterMs)) };
  }
}

function describe(failure: FailureShare): string {
  switch (failure.kind) {
    case 'status':
      return `HTTP ${failure.status}${failure.retryAfterMs === undefined ? '' : ` with Retry-After ${ms(failure.retryAfterMs)}`}`;
    case 'network':
      return `connection ${failure.error}`;
    case 'timeout':
      return `timeout after ${ms(failure.afterMs)}`;
  }
}

/**
 * The base latency of a one-route recording: the whole recording's fit when every phase's median is
 * within SAME_LATENCY of it (the most samples, stalls and all); otherwise the fit of the phase with the
 * most successful requests, so a slow phase does not fatten every phase's tail.
 */
function baseLatencyOf(fit: RecordingFit, route: RouteFit): LatencyFit | undefined {
  const fits = fit.phases.flatMap((phase) => (phase.routes[0]?.latency ? [phase.routes[0].latency] : []));
  const whole = route.latency;
  if (whole && fits.every((phase) => medianShift(whole, phase) === 0 && medianShift(phase, whole) === 0))
    return whole;
  let best: LatencyFit | undefined;
  for (const latency of fits) if (!best || latency.n > best.n) best = latency;
  return best ?? whole;
}

/** How much slower a phase's median is than the base's, when more than SAME_LATENCY; 0 otherwise. */
function medianShift(base: LatencyFit, phase: LatencyFit): number {
  const b = latencyMedian(base.best.distribution);
  const p = latencyMedian(phase.best.distribution);
  return p > b * (1 + SAME_LATENCY) ? p - b : 0;
}

export function fitNote(fit: LatencyFit): string {
  const runnerUp = fit.candidates[1];
  const second = runnerUp ? `; next ${runnerUp.distribution.type} KS ${runnerUp.ks.toFixed(3)}` : '';
  return `${fit.best.distribution.type} by BIC, KS ${fit.best.ks.toFixed(3)}, n ${fit.n}${second}`;
}

function flow(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function ms(value: number): string {
  return `${round(value, 1)} ms`;
}

function seconds(valueMs: number): string {
  return `${round(valueMs / 1000, 1)} s`;
}
