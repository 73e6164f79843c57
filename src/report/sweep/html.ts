import type { SweepReport, VariantSummary } from '../../sweep/sweep-report.ts';
import { displayText, millis } from '../reporters/format.ts';
import { pageStart } from '../reporters/html/page-start.ts';
import { escapeXml as esc } from '../reporters/xml-escape.ts';
import { planLine, recommendationText, rowCells, sweepHead, sweepRows } from './rows.ts';
import { type ScatterPoint, scatterPlot } from './scatter.ts';

const STYLE = `body{font:14px system-ui,sans-serif;margin:24px;color:#1b1f24}table{border-collapse:collapse;margin:12px 0}
th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:right}th{background:#f6f8fa}td.path{text-align:left}
tr.recommended td{background:#dafbe1;font-weight:600}.charts{display:flex;flex-wrap:wrap;gap:16px}
.axis{stroke:#57606a}.tick{font-size:10px;fill:#57606a}.axis-label{font-size:11px;fill:#1b1f24}.chart-title{font-size:12px;font-weight:600}
.point{fill:#afb8c1;stroke:#57606a}.point.frontier{fill:#0969da;stroke:#0550ae}.point.recommended{fill:#1a7f37;stroke:#0f5323;stroke-width:3}
.frontier-line{fill:none;stroke:#0969da;stroke-dasharray:4 3}.legend span{margin-right:16px}`;

/** The sweep as one HTML page: the recommendation, two scatter plots against cost, the table. */
export function renderSweepHtml(report: SweepReport): string {
  const recommended = report.recommendation.found ? report.recommendation.variant : undefined;
  const measured = report.variants.filter((v) => v.seeds > 0);
  const label = (v: VariantSummary) =>
    `#${report.ranking.indexOf(v.index) + 1} ${report.plan.dimensions.map((d) => `${d.path}=${displayText(String(v.variant[d.path]))}`).join(', ')}`;
  const points = (y: (v: VariantSummary) => number): ScatterPoint[] =>
    measured.map((v) => ({
      x: v.cost.mean,
      y: y(v),
      label: label(v),
      frontier: v.onFrontier,
      recommended: v.index === recommended,
    }));
  const costLabel = `cost (${report.costUnit})`;
  const formatCost = (x: number) => x.toPrecision(3);
  const charts = [
    scatterPlot({
      title: 'availability vs cost',
      xLabel: costLabel,
      yLabel: 'availability',
      points: points((v) => v.figures.availability.mean),
      formatX: formatCost,
      formatY: (y) => `${(y * 100).toFixed(2)}%`,
    }),
    scatterPlot({
      title: 'p99 latency vs cost',
      xLabel: costLabel,
      yLabel: 'p99',
      points: points((v) => v.figures.p99.mean),
      formatX: formatCost,
      formatY: millis,
    }),
  ];
  const head = sweepHead(report);
  const paths = report.plan.dimensions.length;
  const rows = sweepRows(report).map(
    (row) =>
      `<tr${row.index === recommended ? ' class="recommended"' : ''}>${rowCells(row)
        .map((c, i) => `<td${i >= 1 && i <= paths ? ' class="path"' : ''}>${esc(c)}</td>`)
        .join('')}</tr>`,
  );
  return `${pageStart(`sweep: ${report.plan.scenario.name}`, STYLE)}<h1>${esc(`sweep: ${report.plan.scenario.name}`)}</h1>
<p class="plan">${esc(planLine(report))}</p>
<p class="recommendation">${esc(recommendationText(report))}</p>
<p class="legend"><span>● grey: variant</span><span>● blue: Pareto frontier (availability ↑, p99 ↓, cost ↓)</span><span>● green: recommended</span></p>
<div class="charts">${charts.join('')}</div>
<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>
</body>
</html>
`;
}
