import { escapeXml as esc } from '../reporters/xml-escape.ts';

export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly frontier: boolean;
  readonly recommended: boolean;
}

export interface ScatterSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: readonly ScatterPoint[];
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
}

const W = 520;
const H = 320;
const M = { left: 70, right: 16, top: 28, bottom: 44 };
const f = (n: number) => n.toFixed(1);

/** The data range padded by 5% (a single value gets a unit-wide range), so no point sits on an axis. */
function range(values: readonly number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high > low ? (high - low) * 0.05 : Math.abs(low) * 0.05 || 1;
  return [low - pad, high + pad];
}

/**
 * A scatter plot as inline SVG: each variant a dot with a tooltip, the Pareto frontier filled and joined
 * by a line, the recommended variant ringed. Classes name the roles, so a test can find them.
 */
export function scatterPlot(spec: ScatterSpec): string {
  const [x0, x1] = range(spec.points.map((p) => p.x));
  const [y0, y1] = range(spec.points.map((p) => p.y));
  const px = (x: number) => M.left + ((x - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - ((y - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const parts: string[] = [
    `<line class="axis" x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}"/>`,
    `<line class="axis" x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}"/>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const x = x0 + ((x1 - x0) * i) / 4;
    const y = y0 + ((y1 - y0) * i) / 4;
    parts.push(
      `<text class="tick" x="${f(px(x))}" y="${H - M.bottom + 14}" text-anchor="middle">${esc(spec.formatX(x))}</text>`,
    );
    parts.push(
      `<text class="tick" x="${M.left - 6}" y="${f(py(y) + 3)}" text-anchor="end">${esc(spec.formatY(y))}</text>`,
    );
  }
  parts.push(
    `<text class="axis-label" x="${f((M.left + W - M.right) / 2)}" y="${H - 8}" text-anchor="middle">${esc(spec.xLabel)}</text>`,
  );
  parts.push(
    `<text class="axis-label" x="14" y="${f((M.top + H - M.bottom) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${f((M.top + H - M.bottom) / 2)})">${esc(spec.yLabel)}</text>`,
  );
  const frontier = spec.points.filter((p) => p.frontier).sort((a, b) => a.x - b.x || a.y - b.y);
  if (frontier.length > 1) {
    parts.push(
      `<polyline class="frontier-line" points="${frontier.map((p) => `${f(px(p.x))},${f(py(p.y))}`).join(' ')}"/>`,
    );
  }
  for (const p of spec.points) {
    const role = p.recommended ? 'point recommended' : p.frontier ? 'point frontier' : 'point';
    parts.push(
      `<circle class="${role}" cx="${f(px(p.x))}" cy="${f(py(p.y))}" r="${p.recommended ? 7 : 4.5}"><title>${esc(p.label)}</title></circle>`,
    );
  }
  return `<figure><svg class="scatter" role="img" aria-label="${esc(spec.title)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg"><text class="chart-title" x="${M.left}" y="16">${esc(spec.title)}</text>${parts.join('')}</svg></figure>`;
}
