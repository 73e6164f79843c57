import pc from 'picocolors';
import type { CostFigures } from '../../metrics/cost.ts';
import { phaseTable } from './console/phase-table.ts';
import { ProgressLine } from './console/progress-line.ts';
import {
  describeTotals,
  displayText,
  formatActual,
  formatExpectation,
  humanDuration,
  millis,
  percent,
  reproduceCommand,
  seconds,
  totalsOf,
  verdictOf,
} from './format.ts';
import { money } from './money.ts';
import type { Reporter, ReporterContext, RunSummary, ScenarioOutcome } from './types.ts';

export interface ConsoleReporterOptions {
  /** Per-phase figures table after each scenario; by default only when the run holds a single scenario. */
  readonly phases?: boolean;
}

/**
 * What a person watches: the seed before each scenario starts, a live progress bar on a terminal, one
 * line per scenario (with each failed hypothesis and the command that reproduces it), and a total.
 * Colour and the progress bar only on a TTY, and never in CI.
 */
export function createConsoleReporter(options: ConsoleReporterOptions, ctx: ReporterContext): Reporter {
  const out = ctx.stdout;
  const tty = out.isTTY === true;
  const c = pc.createColors(tty && !ctx.env.NO_COLOR);
  const live = tty && !isCi(ctx.env) && !ctx.quiet;
  const print = (line = '') => out.write(`${line}\n`);
  let progress: ProgressLine | undefined;
  let single = false;

  return {
    onRunStart(run) {
      single = run.plans.length === 1;
      if (ctx.quiet) return;
      const shard = run.shard ? ` (shard ${run.shard.index}/${run.shard.count})` : '';
      print(c.bold(`faultline: ${run.plans.length} scenario${run.plans.length === 1 ? '' : 's'}${shard}`));
    },
    onScenarioStart(plan) {
      if (ctx.quiet) return;
      print(c.dim(`▶ ${displayText(plan.name)}  seed ${plan.seed}  ${displayText(plan.file)}`));
      if (live) progress = new ProgressLine(out, displayText(plan.name));
    },
    onScenarioProgress(_plan, elapsedMs, totalMs) {
      progress?.update(elapsedMs, totalMs);
    },
    onScenarioEnd(outcome) {
      progress?.clear();
      progress = undefined;
      const verdict = verdictOf(outcome.result);
      if (ctx.quiet && verdict === 'pass') return;
      print(resultLine(outcome, c));
      for (const line of detailLines(outcome, c)) print(line);
      if (!ctx.quiet && (options.phases ?? single) && outcome.result.phases.length > 0) {
        print(phaseTable(outcome.result, tty));
      }
    },
    onRunEnd(summary) {
      for (const line of totalLines(summary, c)) print(line);
    },
  };
}

type Colors = ReturnType<typeof pc.createColors>;

function resultLine({ result, plan, wallMs }: ScenarioOutcome, c: Colors): string {
  const verdict = verdictOf(result);
  const mark = { pass: c.green('✓'), fail: c.red('✗'), incomplete: c.yellow('!') }[verdict];
  const held = result.hypotheses.filter((h) => h.pass).length;
  const figures = [
    `seed ${result.seed}`,
    `${held}/${result.hypotheses.length} hypotheses`,
    `${result.requests.total} requests`,
    `availability ${percent(result.availability)}`,
    `p99 ${millis(result.latency.p99)}`,
    `${result.backend.callsPerRequest.toFixed(2)} calls/req`,
    ...(result.cost ? [costFigure(result.cost)] : []),
    `${humanDuration(result.durationMs)} ${result.mode} in ${seconds(wallMs)}`,
  ];
  const name = verdict === 'pass' ? displayText(plan.name) : c.bold(displayText(plan.name));
  return `${mark} ${name}  ${c.dim(figures.join(' · '))}${verdict === 'incomplete' ? c.yellow('  (interrupted)') : ''}`;
}

/** Beside calls/req when the scenario prices its backends: what a request costs and a day of it. */
function costFigure({ perRequest, perDay, currency }: CostFigures): string {
  return `${money(perRequest, currency)}/req (${money(perDay, currency)}/day)`;
}

function detailLines(outcome: ScenarioOutcome, c: Colors): string[] {
  const { result } = outcome;
  const failed = result.hypotheses.filter((h) => !h.pass);
  const lines = failed.map(
    (h) =>
      `    ${c.red(h.noEvidence ? '?' : '✗')} ${displayText(h.name)}: expected ${formatExpectation(h)}, measured ${c.red(formatActual(h))}`,
  );
  if (failed.length > 0) lines.push(c.dim(`    reproduce: ${reproduceCommand(outcome)}`));
  return lines;
}

function totalLines(summary: RunSummary, c: Colors): string[] {
  const totals = totalsOf(summary);
  const ok = totals.failed + totals.incomplete === 0 && !summary.interrupted;
  const simulatedMs = summary.outcomes.reduce((sum, o) => sum + o.result.durationMs, 0);
  return [
    '',
    `${c.bold(' Scenarios')}  ${(ok ? c.green : c.red)(describeTotals(totals))}`,
    `${c.bold('Hypotheses')}  ${totals.hypotheses - totals.hypothesesFailed} of ${totals.hypotheses} held`,
    `${c.bold('  Duration')}  ${seconds(summary.wallMs)} (${humanDuration(simulatedMs)} of traffic)`,
    ...(summary.interrupted
      ? [c.yellow('Interrupted: partial results were written, marked "complete": false.')]
      : []),
  ];
}

function isCi(env: ReporterContext['env']): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}
