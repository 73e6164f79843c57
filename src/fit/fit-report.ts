import type { LatencyDistribution } from '../faults/schema.ts';
import { formatDuration } from '../util/duration.ts';
import { densityOf } from './distributions.ts';
import type { FailureShare, RecordingFit, RouteFit } from './fit-recording.ts';
import type { LatencyFit } from './latency-fit.ts';

const HISTOGRAM_BINS = 12;
const BAR_WIDTH = 40;

/**
 * The fit report in Markdown: every candidate per route with its log-likelihood, AIC, BIC and KS
 * distance, a text histogram of the samples against the fitted distribution's expected counts, and
 * the phases with their failures.
 */
export function fitReportMarkdown(
  fit: RecordingFit,
  options: { readonly source: string; readonly samples: ReadonlyMap<string, readonly number[]> },
): string {
  const out: string[] = [
    `# Fit of ${options.source}`,
    '',
    `${fit.requests} requests over ${(fit.spanMs / 1000).toFixed(1)} s (${fit.arrivalRate.toFixed(2)} req/s, inter-arrival CV ${fit.interArrivalCv.toFixed(2)}); availability ${fit.availability.toFixed(4)}; latency p50 ${fit.latency.p50.toFixed(1)} ms, p99 ${fit.latency.p99.toFixed(1)} ms.${fit.aborted ? ` ${fit.aborted} requests the client abandoned are left out.` : ''}`,
    '',
    '## Routes',
    '',
  ];
  for (const route of fit.routes) {
    out.push(
      `### ${route.method} ${route.template}`,
      '',
      `${route.requests} requests; ${failureText(route.failures)}.`,
      '',
    );
    if (!route.latency) {
      out.push('Too few successful requests to fit a latency distribution.', '');
      continue;
    }
    out.push(
      '| kind | parameters | log-likelihood | AIC | BIC | KS |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
    );
    for (const c of route.latency.candidates) {
      out.push(
        `| ${c === route.latency.best ? `**${c.distribution.type}**` : c.distribution.type} | ${parameters(c.distribution)} | ${c.logLikelihood.toFixed(1)} | ${c.aic.toFixed(1)} | ${c.bic.toFixed(1)} | ${c.ks.toFixed(4)} |`,
      );
    }
    out.push(
      '',
      ...histogram(route, route.latency, options.samples.get(`${route.method} ${route.template}`) ?? []),
      '',
    );
  }
  out.push(
    '## Phases',
    '',
    `Windows of ${formatDuration(fit.windowMs)}; boundaries by binary segmentation of the failure rate and log p50/p90 of successful latency.`,
    '',
  );
  out.push(
    '| phase | from | to | requests | availability | failures |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  );
  for (const phase of fit.phases) {
    const failures = phase.routes
      .map((r) => `${r.method} ${r.template}: ${failureText(r.failures)}`)
      .join('; ');
    out.push(
      `| ${phase.name} | ${formatDuration(phase.fromMs)} | ${phase.toMs === undefined ? 'end' : formatDuration(phase.toMs)} | ${phase.requests} | ${phase.availability.toFixed(4)} | ${failures} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

function failureText(failures: readonly FailureShare[]): string {
  if (failures.length === 0) return 'no failures';
  return failures
    .map((f) => {
      const share = `${(f.share * 100).toFixed(2)}%`;
      if (f.kind === 'status')
        return `${f.status} ${share}${f.retryAfterMs === undefined ? '' : ` (Retry-After ${f.retryAfterMs} ms)`}`;
      if (f.kind === 'timeout') return `timeout ${share} (after ${f.afterMs.toFixed(0)} ms)`;
      return `${f.error} ${share}`;
    })
    .join(', ');
}

function parameters(dist: LatencyDistribution): string {
  return Object.entries(dist)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
}

/** Observed counts per bin as bars, with `|` where the fitted distribution expects the bar to end. */
function histogram(route: RouteFit, fit: LatencyFit, samples: readonly number[]): string[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const dist = fit.best.distribution;
  if (sorted.length === 0 || dist.type === 'fixed') return [];
  const lo = sorted[Math.floor(sorted.length * 0.005)] ?? 0;
  const hi = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.995))] ?? lo;
  if (hi <= lo) return [];
  const width = (hi - lo) / HISTOGRAM_BINS;
  const cdf = densityOf(dist).cdf;
  const observed = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const x of sorted) {
    if (x < lo || x > hi) continue;
    observed[Math.min(HISTOGRAM_BINS - 1, Math.floor((x - lo) / width))]! += 1;
  }
  const expected = observed.map((_, i) => sorted.length * (cdf(lo + (i + 1) * width) - cdf(lo + i * width)));
  const top = Math.max(...observed, ...expected, 1);
  const lines = [
    '```text',
    `${route.method} ${route.template}: observed (#) against fitted ${dist.type} (|), ms`,
  ];
  for (let i = 0; i < HISTOGRAM_BINS; i++) {
    const bar = Math.round(((observed[i] ?? 0) / top) * BAR_WIDTH);
    const mark = Math.round(((expected[i] ?? 0) / top) * BAR_WIDTH);
    const row = Array.from({ length: BAR_WIDTH + 1 }, (_, c) =>
      c === mark ? '|' : c < bar ? '#' : ' ',
    ).join('');
    lines.push(`${(lo + i * width).toFixed(1).padStart(9)} ${row.trimEnd()}`);
  }
  lines.push('```');
  return lines;
}
