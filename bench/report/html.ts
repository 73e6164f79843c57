import { pageStart } from '../../src/report/reporters/html/page-start.ts';
import { STYLE } from '../../src/report/reporters/html/style.ts';
import { escapeXml as esc } from '../../src/report/reporters/xml-escape.ts';
import type { SuiteResult, Table } from '../lib/types.ts';
import type { BenchReport } from '../run-bench.ts';
import { barChart } from './bar-chart.ts';
import { formatCell, formatValue, heading } from './format.ts';
import { environmentLines, VARIES_NOTE } from './markdown.ts';

const BENCH_STYLE = `
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.derived td { font-style: italic; color: var(--muted); }
.target.met { color: #166534; } .target.missed { color: #991b1b; font-weight: 600; }
.env { color: var(--muted); margin: 2px 0; }
svg text.bar-label { fill: var(--fg); }
`;
const HIGHLIGHT = /faultline|cache on/;

/** The report as one self-contained page: the markdown's tables, plus a bar chart per charted column. */
export function renderBenchHtml(report: BenchReport): string {
  const title = `faultline bench, ${report.environment.startedAt.slice(0, 10)}`;
  const banners = [
    report.quick ? 'Quick mode: tiny sizes to check the plumbing; these figures mean nothing.' : '',
    report.injectedDelayUs
      ? `Deliberately slowed: ${report.injectedDelayUs} µs injected into faultline’s own calls.`
      : '',
  ].filter(Boolean);
  return `${pageStart(title, STYLE + BENCH_STYLE)}<header>
<h1>${esc(title)}</h1>
${environmentLines(report.environment)
  .map((line) => `<p class="env">${esc(line)}</p>`)
  .join('\n')}
<p class="env">${esc(VARIES_NOTE)}</p>
${banners.map((text) => `<p><strong>${esc(text)}</strong></p>`).join('\n')}
</header>
<main>
${targets(report.suites)}
${report.suites.map(suiteSection).join('\n')}
</main>
</body>
</html>
`;
}

function targets(suites: readonly SuiteResult[]): string {
  const all = suites.flatMap((suite) => suite.targets);
  if (all.length === 0) return '';
  const rows = all.map(
    (t) =>
      `<tr><td class="target ${t.met ? 'met' : 'missed'}">${t.met ? 'met' : 'missed'}</td><td>${esc(t.name)}</td><td>${esc(t.target)}</td><td>${esc(t.measured)}</td></tr>`,
  );
  return `<section class="scenario"><h2>Targets</h2><table><thead><tr><th></th><th>target</th><th>wanted</th><th>measured (this run)</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function suiteSection(suite: SuiteResult): string {
  const notes = suite.notes.map((note) => `<p class="description">${esc(note)}</p>`).join('');
  return `<section class="scenario" id="${esc(suite.name)}">
<h2>${esc(suite.title)} <span class="file">${suite.wallSeconds} s</span></h2>
${suite.tables.map(tableSection).join('\n')}
${notes}
</section>`;
}

function tableSection(table: Table): string {
  const head = `<tr><th></th>${table.columns.map((c) => `<th>${esc(heading(c))}</th>`).join('')}</tr>`;
  const rows = table.rows.map(
    (row) =>
      `<tr${row.derived ? ' class="derived"' : ''}><td>${esc(row.name)}</td>${table.columns
        .map((column) => `<td class="num">${esc(formatCell(row, column))}</td>`)
        .join('')}</tr>`,
  );
  const charts = table.columns
    .filter((column) => column.chart)
    .map((column) => {
      const bars = table.rows
        .filter((row) => !row.derived && row.values[column.key] !== undefined)
        .map((row) => ({
          label: row.name,
          value: row.values[column.key] as number,
          highlight: HIGHLIGHT.test(row.name),
        }));
      const format = (value: number) => formatValue(value, column.unit);
      return `<figure>${barChart(`${column.label}${column.better ? ` (${column.better} is better)` : ''}`, bars, format)}</figure>`;
    });
  const description = table.description ? `<p class="description">${esc(table.description)}</p>` : '';
  return `<h3>${esc(table.title)}</h3>${description}<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table><div class="charts">${charts.join('')}</div>`;
}
