import { CHART, niceCeiling, svg, ticks } from '../../src/report/reporters/html/svg-chart.ts';
import { escapeXml } from '../../src/report/reporters/xml-escape.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** faultline's own rows stand out from the libraries they are compared with. */
  readonly highlight?: boolean;
}

const LAYOUT = { label: 280, right: 96, top: 28, row: 22, bar: 14, bottom: 24 } as const;
/** Beyond this spread a linear axis would flatten the small bars to nothing. */
const LOG_SPREAD = 50;

/**
 * Horizontal bars with the row names on the left and each value at the end of its bar, in the report
 * renderer's chart frame (same width, axis style and title). Switches to a log axis when the values span
 * more than a factor of 50, and says so.
 */
export function barChart(title: string, bars: readonly Bar[], format: (value: number) => string): string {
  const shown = bars.filter((bar) => Number.isFinite(bar.value) && bar.value > 0);
  const height = LAYOUT.top + shown.length * LAYOUT.row + LAYOUT.bottom;
  const left = LAYOUT.label;
  const width = CHART.width - left - LAYOUT.right;
  const max = Math.max(...shown.map((bar) => bar.value), Number.MIN_VALUE);
  const min = Math.min(...shown.map((bar) => bar.value), max);
  const log = max / min > LOG_SPREAD;
  const scale = log ? logScale(min, max) : linearScale(max);
  const x = (value: number) => left + scale.fraction(value) * width;
  const parts: string[] = [
    `<text class="legend" x="${left}" y="16">${escapeXml(title)}${log ? ' (log scale)' : ''}</text>`,
  ];
  for (const tick of scale.ticks) {
    parts.push(
      `<line class="grid" x1="${f(x(tick))}" x2="${f(x(tick))}" y1="${LAYOUT.top - 4}" y2="${height - LAYOUT.bottom}"/>`,
      `<text class="tick" x="${f(x(tick))}" y="${height - 8}" text-anchor="middle">${escapeXml(format(tick))}</text>`,
    );
  }
  shown.forEach((bar, i) => {
    const y = LAYOUT.top + i * LAYOUT.row;
    const end = Math.max(x(bar.value), left + 1);
    const color = bar.highlight ? '#2563eb' : '#9ca3af';
    parts.push(
      `<text class="tick bar-label" x="${left - 8}" y="${y + LAYOUT.bar - 3}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${f(end - left)}" height="${LAYOUT.bar}" fill="${color}"><title>${escapeXml(`${bar.label}: ${format(bar.value)}`)}</title></rect>`,
      `<text class="tick" x="${f(end + 5)}" y="${y + LAYOUT.bar - 3}">${escapeXml(format(bar.value))}</text>`,
    );
  });
  parts.push(
    `<line class="axis" x1="${left}" x2="${left}" y1="${LAYOUT.top - 4}" y2="${height - LAYOUT.bottom}"/>`,
  );
  return svg(title, parts.join(''), height);
}

interface Scale {
  /** Position of a value along the axis, 0 to 1. */
  fraction(value: number): number;
  readonly ticks: readonly number[];
}

function linearScale(max: number): Scale {
  const top = niceCeiling(max);
  return { fraction: (value) => value / top, ticks: ticks(top) };
}

function logScale(min: number, max: number): Scale {
  const low = 10 ** Math.floor(Math.log10(min));
  const high = 10 ** Math.ceil(Math.log10(max));
  const span = Math.log10(high) - Math.log10(low);
  const decades: number[] = [];
  for (let value = low; value <= high * 1.0001; value *= 10) decades.push(value);
  return { fraction: (value) => (Math.log10(value) - Math.log10(low)) / span, ticks: decades };
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();
