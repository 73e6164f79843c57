import type { RunResult } from '../../result.ts';
import {
  describeTotals,
  formatActual,
  formatExpectation,
  humanDuration,
  millis,
  percent,
  reproduceCommand,
  totalsOf,
  verdictOf,
  withFallbackNote,
} from '../format.ts';
import type { RunSummary, ScenarioOutcome } from '../types.ts';
import { escapeXml as esc } from '../xml-escape.ts';
import { scenarioCharts } from './charts.ts';
import { pageStart } from './page-start.ts';
import { STYLE } from './style.ts';

/** The whole report: an overview of every scenario, then one section per scenario with its charts. */
export function renderHtml(summary: RunSummary, title = 'faultline report'): string {
  const totals = totalsOf(summary);
  const slugs = summary.outcomes.map((_, i) => `scenario-${i + 1}`);
  return `${pageStart(title, STYLE)}<header>
<h1>${esc(title)}</h1>
<p class="totals">Scenarios: ${esc(describeTotals(totals))} · Hypotheses: ${totals.hypotheses - totals.hypothesesFailed} of ${totals.hypotheses} held${summary.interrupted ? ' · <strong>interrupted</strong>' : ''}</p>
</header>
<main>
${overview(summary, slugs)}
${summary.outcomes.map((outcome, i) => scenarioSection(outcome, slugs[i] as string)).join('\n')}
</main>
</body>
</html>
`;
}

function overview(summary: RunSummary, slugs: readonly string[]): string {
  const rows = summary.outcomes.map(({ result }, i) =>
    tr([
      `<a href="#${slugs[i]}">${esc(result.scenario.name)}</a>`,
      verdictBadge(result),
      String(result.seed),
      String(result.requests.total),
      percent(result.availability),
      millis(result.latency.p99),
      result.backend.callsPerRequest.toFixed(2),
    ]),
  );
  const notRun = summary.notRun.map((plan) =>
    tr([esc(plan.name), '<span class="badge skipped">not run</span>', String(plan.seed), '', '', '', '']),
  );
  return `<table class="overview"><thead>${tr(['Scenario', 'Verdict', 'Seed', 'Requests', 'Availability', 'p99', 'Calls / request'], 'th')}</thead><tbody>${[...rows, ...notRun].join('')}</tbody></table>`;
}

function scenarioSection(outcome: ScenarioOutcome, id: string): string {
  const { result } = outcome;
  const description = result.scenario.description
    ? `<p class="description">${esc(result.scenario.description)}</p>`
    : '';
  const facts = [
    ['seed', String(result.seed)],
    ['mode', result.mode],
    ['simulated', humanDuration(result.durationMs)],
    ['requests', String(result.requests.total)],
    ['availability', percent(result.availability)],
    ['fell back', String(result.requests.fellBack)],
    [
      result.requests.fellBack > 0 ? 'p50 / p99 (fallback answers included)' : 'p50 / p99',
      `${millis(result.latency.p50)} / ${millis(result.latency.p99)}`,
    ],
    ['in flight (mean / max)', `${Number(result.inFlight.mean.toFixed(2))} / ${result.inFlight.max}`],
    ['backend calls / request', result.backend.callsPerRequest.toFixed(2)],
    // Every request of a scenario with a cache looks it up: no lookups, no cache to show.
    ...(result.cache.lookups > 0 ? [['cache hit ratio', percent(result.cache.hitRatio)]] : []),
    ['breaker opened', `${result.breaker.opened}× (${humanDuration(result.breaker.openTimeMs)} open)`],
  ];
  const charts = scenarioCharts(result)
    .map((chart) => `<figure><figcaption>${esc(chart.title)}</figcaption>${chart.svg}</figure>`)
    .join('\n');
  return `<section class="scenario" id="${id}">
<h2>${esc(result.scenario.name)} ${verdictBadge(result)}</h2>
${description}
<p class="file">${esc(outcome.plan.file)} · reproduce with <code>${esc(reproduceCommand(outcome))}</code></p>
<dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k ?? '')}</dt><dd>${esc(v ?? '')}</dd></div>`).join('')}</dl>
${hypothesisTable(result)}
<div class="charts">
${charts}
</div>
</section>`;
}

function hypothesisTable(result: RunResult): string {
  if (result.hypotheses.length === 0)
    return '<p class="none">No hypotheses: this scenario only measures.</p>';
  const rows = result.hypotheses.map((h) =>
    tr([
      h.pass
        ? '<span class="badge pass">held</span>'
        : `<span class="badge fail">${h.noEvidence ? 'no evidence' : 'failed'}</span>`,
      esc(h.name),
      esc(formatExpectation(h)),
      esc(actualWithNotes(result, h)),
    ]),
  );
  return `<table class="hypotheses"><thead>${tr(['', 'Hypothesis', 'Expected', 'Measured'], 'th')}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The measured value; a latency in a window where fallbacks answered says they are counted in it. */
function actualWithNotes(result: RunResult, h: RunResult['hypotheses'][number]): string {
  const text = formatActual(h);
  if (!h.metric.startsWith('latency.')) return text;
  const window = h.phase === undefined ? result : result.phases.find((phase) => phase.name === h.phase);
  return withFallbackNote(text, window?.requests.fellBack ?? 0);
}

function verdictBadge(result: RunResult): string {
  const verdict = verdictOf(result);
  return `<span class="badge ${verdict}">${verdict}</span>`;
}

/** Cells are trusted HTML built above; every user string in them went through `esc`. */
function tr(cells: readonly string[], tag: 'td' | 'th' = 'td'): string {
  return `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
}
