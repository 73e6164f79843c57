import { formatWall } from '../laws/trace-queries.ts';
import type { ScenarioLawReport } from './check-scenario.ts';
import { counterexampleYaml } from './counterexample.ts';

export interface ReplayArgs {
  /** The scenario file as the user named it. */
  readonly file: string;
  readonly maxAmplification?: number;
}

/** The command that reruns exactly one counterexample: same file, law, seed and path. */
export function replayCommand(args: ReplayArgs, law: string, seed: number, path: string): string {
  const bound = args.maxAmplification === undefined ? '' : ` --max-amplification ${args.maxAmplification}`;
  return `faultline check ${args.file} --law ${law}${bound} --seed ${seed} --path ${path}`;
}

const WIDTH = 17;

/**
 * How one law's check reads in the terminal: a line with its verdict, run count and time; for a broken
 * law, the law, what broke, the shrunk counterexample as a scenario file, and the replay command.
 */
export function reportLines(report: ScenarioLawReport, args: ReplayArgs): string[] {
  const name = report.law.name.padEnd(WIDTH);
  if (report.status === 'not-applicable') return [`– ${name} not applicable: ${report.reason}`];
  const time = formatWall(report.wallMs);
  if (report.status === 'held') return [`✓ ${name} ${plural(report.runs, 'run')} in ${time}`];
  const { counterexample, violation, seed, path, shrinks, runs, law } = report;
  const replay = replayCommand(args, law.name, seed, path);
  const phases = plural(counterexample.phases.length, 'phase');
  const yaml = counterexampleYaml(counterexample, {
    header: [
      `Counterexample to the law "${law.name}": ${law.statement}.`,
      `What broke: ${violation.message}`,
      `Found by \`faultline check ${args.file}\` (seed ${seed}), shrunk to ${phases}.`,
      `Replay: ${replay}`,
    ],
  });
  return [
    `✗ ${name} broken after ${plural(runs, 'run')}, shrunk ${plural(shrinks, 'time')}, in ${time}`,
    `  law: ${law.statement}`,
    `  what broke: ${violation.message}`,
    `  counterexample (${phases}), a scenario you can save and run with faultline run:`,
    '',
    ...yaml.trimEnd().split('\n'),
    '',
    `  replay: ${replay}`,
  ];
}

/** The closing line: how many laws held, broke or did not apply, how many runs, how long. */
export function summaryLine(reports: readonly ScenarioLawReport[], wallMs: number): string {
  let held = 0;
  let broken = 0;
  let skipped = 0;
  let runs = 0;
  for (const report of reports) {
    if (report.status === 'not-applicable') skipped++;
    else {
      runs += report.runs;
      if (report.status === 'held') held++;
      else broken++;
    }
  }
  return `${held} held, ${broken} broken, ${skipped} not applicable · ${plural(runs, 'run')} in ${formatWall(wallMs)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
