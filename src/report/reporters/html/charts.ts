import type { BreakerTransition, RunResult } from '../../result.ts';
import { humanDuration, millis, percent } from '../format.ts';
import { escapeXml } from '../xml-escape.ts';
import { type Band, CHART, lineChart, type Series, svg, xPixel } from './svg-chart.ts';

const PHASE_COLORS = ['#fde68a66', '#fca5a566', '#bfdbfe66', '#ddd6fe66', '#bbf7d066'];

/** Latency, throughput, error rate and breaker state over the run, on one shared time axis. */
export function scenarioCharts(result: RunResult): { title: string; svg: string }[] {
  const { bucketMs, buckets } = result.timeline;
  const xMax = Math.max(result.durationMs, ...buckets.map((b) => b.startMs + bucketMs));
  const mid = (startMs: number) => startMs + bucketMs / 2;
  const perSecond = (count: number) => count / (bucketMs / 1000);
  const bands: Band[] = result.phases.map((phase, i) => ({
    fromX: phase.fromMs,
    toX: phase.toMs,
    label: phase.name,
    color: PHASE_COLORS[i % PHASE_COLORS.length] as string,
  }));
  const common = { xMax, formatX: humanDuration, bands };
  const latency: Series[] = [
    {
      label: 'p50',
      color: '#2563eb',
      points: buckets.map((b) => [mid(b.startMs), b.requests > 0 ? b.p50 : null]),
    },
    {
      label: 'p99',
      color: '#dc2626',
      points: buckets.map((b) => [mid(b.startMs), b.requests > 0 ? b.p99 : null]),
    },
  ];
  const throughput: Series[] = [
    {
      label: 'requests/s',
      color: '#2563eb',
      points: buckets.map((b) => [mid(b.startMs), perSecond(b.requests)]),
    },
    {
      label: 'backend calls/s',
      color: '#9333ea',
      points: buckets.map((b) => [mid(b.startMs), perSecond(b.backendCalls)]),
    },
  ];
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const errors: Series[] = [
    {
      label: 'failed',
      color: '#dc2626',
      points: buckets.map((b) => [mid(b.startMs), rate(b.failed, b.requests)]),
    },
    {
      label: 'fell back',
      color: '#d97706',
      points: buckets.map((b) => [mid(b.startMs), rate(b.fellBack, b.requests)]),
    },
  ];
  const charts = [
    lineChart({
      ...common,
      title: 'Latency percentiles over time',
      series: latency,
      formatY: millis,
      minYMax: 1,
    }),
    lineChart({
      ...common,
      title: 'Throughput over time',
      series: throughput,
      formatY: (y) => `${Number(y.toFixed(2))}/s`,
      minYMax: 1,
    }),
    lineChart({
      ...common,
      title: 'Error and fallback rate over time',
      series: errors,
      formatY: (y) => percent(y, 0),
      minYMax: 0.01,
    }),
    breakerStrip(result.breaker.transitions, xMax, bands),
  ];
  const titles = ['Latency percentiles', 'Throughput', 'Error and fallback rate', 'Circuit breaker state'];
  return charts.map((svg, index) => ({ title: titles[index] as string, svg }));
}

const STATE_COLORS = { closed: '#16a34a', open: '#dc2626', 'half-open': '#f59e0b' } as const;
const STRIP = { height: 70, barTop: 26, barHeight: 22 } as const;

/** The breaker's state as coloured spans: closed until the first transition, then whatever each one set. */
export function breakerStrip(
  transitions: readonly BreakerTransition[],
  xMax: number,
  bands: readonly Band[],
): string {
  const spans: { from: number; to: number; state: keyof typeof STATE_COLORS }[] = [];
  let state: keyof typeof STATE_COLORS = 'closed';
  let from = 0;
  for (const t of transitions) {
    if (t.atMs > from) spans.push({ from, to: t.atMs, state });
    state = t.to;
    from = t.atMs;
  }
  if (xMax > from) spans.push({ from, to: xMax, state });
  const x = (value: number) => xPixel(value, xMax);
  const bandMarks = bands.map(
    (b) =>
      `<line class="phase-edge" x1="${x(b.fromX)}" x2="${x(b.fromX)}" y1="${STRIP.barTop - 4}" y2="${STRIP.barTop + STRIP.barHeight + 4}"/>`,
  );
  const rects = spans.map(
    (s) =>
      `<rect class="breaker-${s.state}" x="${x(s.from)}" y="${STRIP.barTop}" width="${Math.max(0.5, x(s.to) - x(s.from))}" height="${STRIP.barHeight}" fill="${STATE_COLORS[s.state]}"><title>${escapeXml(`${s.state} from ${humanDuration(s.from)} to ${humanDuration(s.to)}`)}</title></rect>`,
  );
  const legend = Object.entries(STATE_COLORS)
    .map(
      ([name, color], i) =>
        `<g transform="translate(${CHART.left + 8 + i * 110},14)"><rect width="10" height="10" y="-9" fill="${color}"/><text class="legend" x="14">${name}</text></g>`,
    )
    .join('');
  const caption =
    transitions.length === 0
      ? `<text class="tick" x="${CHART.left}" y="${STRIP.height - 6}">the breaker never changed state</text>`
      : `<text class="tick" x="${CHART.left}" y="${STRIP.height - 6}">${transitions.length} transitions</text>`;
  return svg(
    'Circuit breaker state over time',
    `${rects.join('')}${bandMarks.join('')}${legend}${caption}`,
    STRIP.height,
  );
}
