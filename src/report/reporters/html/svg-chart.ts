import { escapeXml } from '../xml-escape.ts';

export interface Series {
  readonly label: string;
  readonly color: string;
  /** [x, y] points; a `null` y breaks the line (no data in that bucket). */
  readonly points: readonly (readonly [number, number | null])[];
}

export interface Band {
  readonly fromX: number;
  readonly toX: number;
  readonly label: string;
  readonly color: string;
}

export interface ChartSpec {
  readonly title: string;
  readonly xMax: number;
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  readonly series: readonly Series[];
  readonly bands?: readonly Band[];
  /** Lowest top of the y axis, so a flat-zero series still gets a readable scale. */
  readonly minYMax?: number;
}

export const CHART = { width: 760, height: 230, left: 64, right: 16, top: 26, bottom: 30 } as const;
const plotWidth = CHART.width - CHART.left - CHART.right;
/** Rough width of a character of the 10.5 px band labels. */
const LABEL_CHAR_PX = 6;
const plotHeight = CHART.height - CHART.top - CHART.bottom;

/** x in data units to pixels; shared with the breaker strip so every chart lines up. */
export const xPixel = (x: number, xMax: number) => CHART.left + (xMax > 0 ? (x / xMax) * plotWidth : 0);

/** A line chart as inline SVG: axes with round ticks, shaded bands behind, a legend, a tooltip per point. */
export function lineChart(spec: ChartSpec): string {
  const ys = spec.series.flatMap((s) => s.points.map(([, y]) => y ?? 0));
  const yMax = niceCeiling(Math.max(spec.minYMax ?? 0, ...ys, Number.MIN_VALUE));
  const yPixel = (y: number) => CHART.top + plotHeight - (y / yMax) * plotHeight;
  const x = (value: number) => xPixel(value, spec.xMax);
  const parts: string[] = [];
  let narrow = 0;
  for (const band of spec.bands ?? []) {
    const from = x(band.fromX);
    const width = Math.max(0, x(band.toX) - from);
    parts.push(
      `<rect class="band" x="${f(from)}" y="${CHART.top}" width="${f(width)}" height="${plotHeight}" fill="${band.color}"><title>${escapeXml(band.label)}</title></rect>`,
    );
    // A label too long for its band still shows: on a row of its own below the others (up to three
    // rows, cycling), with a halo so it stays readable over the lines, starting at the band's edge.
    const fits = band.label.length * LABEL_CHAR_PX + 8 <= width;
    const row = fits ? 0 : 1 + (narrow++ % 3);
    parts.push(
      `<text class="band-label${fits ? '' : ' narrow'}" x="${f(from + (fits ? 4 : 2))}" y="${CHART.top + 12 + row * 12}">${escapeXml(band.label)}</text>`,
    );
  }
  for (const tick of ticks(yMax)) {
    parts.push(
      `<line class="grid" x1="${CHART.left}" x2="${CHART.width - CHART.right}" y1="${f(yPixel(tick))}" y2="${f(yPixel(tick))}"/>`,
      `<text class="tick" x="${CHART.left - 6}" y="${f(yPixel(tick) + 4)}" text-anchor="end">${escapeXml(spec.formatY(tick))}</text>`,
    );
  }
  for (const tick of ticks(spec.xMax)) {
    parts.push(
      `<text class="tick" x="${f(x(tick))}" y="${CHART.height - 10}" text-anchor="middle">${escapeXml(spec.formatX(tick))}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${CHART.left}" x2="${CHART.left}" y1="${CHART.top}" y2="${CHART.top + plotHeight}"/>`,
    `<line class="axis" x1="${CHART.left}" x2="${CHART.width - CHART.right}" y1="${CHART.top + plotHeight}" y2="${CHART.top + plotHeight}"/>`,
  );
  // Series drawn later would hide earlier ones where they coincide: later ones are dashed and see-through.
  spec.series.forEach((series, index) => {
    parts.push(
      `<path class="series" d="${linePath(series.points, x, yPixel)}" stroke="${series.color}" fill="none" stroke-width="1.6"${dashOf(index)}/>`,
      `<g class="points" fill="${series.color}"${index > 0 ? ' fill-opacity="0.6"' : ''}>${series.points
        .filter((p): p is readonly [number, number] => p[1] !== null)
        .map(
          ([px, py]) =>
            `<circle cx="${f(x(px))}" cy="${f(yPixel(py))}" r="2.2"><title>${escapeXml(`${series.label} at ${spec.formatX(px)}: ${spec.formatY(py)}`)}</title></circle>`,
        )
        .join('')}</g>`,
    );
  });
  const legend = spec.series
    .map(
      (s, i) =>
        `<g transform="translate(${CHART.left + 8 + i * 150},8)"><line x1="0" x2="18" y1="-4" y2="-4" stroke="${s.color}" stroke-width="2"${dashOf(i)}/><text class="legend" x="22">${escapeXml(s.label)}</text></g>`,
    )
    .join('');
  return svg(spec.title, `${parts.join('')}${legend}`);
}

/** Scales with its container (the viewBox keeps the proportions); no fixed pixel width. */
export function svg(title: string, body: string, height: number = CHART.height): string {
  return `<svg class="chart" role="img" viewBox="0 0 ${CHART.width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(title)}</title>${body}</svg>`;
}

/** Solid for the first series, then dash patterns that tell the others apart where they overlap. */
const DASHES = ['', '6 3', '2 2', '8 3 2 3'] as const;
function dashOf(index: number): string {
  const dash = DASHES[index % DASHES.length];
  return dash ? ` stroke-dasharray="${dash}" stroke-opacity="0.85"` : '';
}

function linePath(
  points: readonly (readonly [number, number | null])[],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const [px, py] of points) {
    if (py === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${f(x(px))} ${f(y(py))}`;
    pen = true;
  }
  return d;
}

/** The smallest 1, 2 or 5 × 10^k at or above `value`. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** About five round tick values from 0 to `max`. */
export function ticks(max: number): number[] {
  if (!(max > 0)) return [0];
  const step = niceCeiling(max / 5);
  const out: number[] = [];
  for (let value = 0; value <= max * (1 + 1e-9); value += step) out.push(Number(value.toPrecision(12)));
  return out;
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();
