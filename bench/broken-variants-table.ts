/**
 * The README's broken-variant table, from a real run: each deliberately broken policy variant of
 * test/testing/broken-variants/ checked against every law; the law meant to catch it, how fast it did,
 * and how small the shrunk counterexample is. Then one counterexample, as the scenario file check prints.
 *   npx tsx bench/broken-variants-table.ts
 */
import { startStopwatch } from '../src/clock/stopwatch.ts';
import { checkLaw, counterexampleYaml, LAW_NAMES, LAWS, type LawReport } from '../src/testing/index.ts';
import { BROKEN_VARIANTS } from '../test/testing/broken-variants/index.ts';

const RUNS = 300;
const SEED = 1;

type Broken = Extract<LawReport, { status: 'broken' }>;

const rows: string[] = [
  '| Variant | Caught by | Runs to find | Shrunk counterexample | What broke | Also caught by |',
  '| --- | --- | --- | --- | --- | --- |',
];
const shown: Broken[] = [];
const elapsed = startStopwatch();
for (const variant of BROKEN_VARIANTS) {
  const report = await checkLaw(LAWS[variant.law], variant.subject, variant.scenarios, {
    runs: RUNS,
    seed: SEED,
  });
  if (report.status !== 'broken') throw new Error(`${variant.subject.name} was not caught by ${variant.law}`);
  shown.push(report);
  const also: string[] = [];
  for (const name of LAW_NAMES) {
    if (name === variant.law) continue;
    const other = await checkLaw(LAWS[name], variant.subject, variant.scenarios, { runs: RUNS, seed: SEED });
    if (other.status === 'broken') also.push(`\`${name}\``);
  }
  const { phases, workload } = report.counterexample;
  const faults = phases.flatMap((phase) => phase.faults.map((fault) => fault.kind));
  const size = `${phases.length} phase${phases.length === 1 ? '' : 's'}${faults.length ? ` (${faults.join(', ')})` : ''}, ${workload.requests} request${workload.requests === 1 ? '' : 's'}`;
  rows.push(
    `| ${variant.subject.name} | \`${variant.law}\` | ${report.runs} | ${size} | ${report.violation.message} | ${also.join(', ') || '–'} |`,
  );
}
console.log(rows.join('\n'));
console.log(
  `\n${BROKEN_VARIANTS.length} variants × ${LAW_NAMES.length} laws, up to ${RUNS} runs each, seed ${SEED}: ${(elapsed() / 1000).toFixed(1)} s\n`,
);
const example = shown.find((report) => report.law.name === 'breaker-opens') ?? shown[0];
if (example) {
  console.log(
    counterexampleYaml(example.counterexample, {
      header: [`"${example.law.name}" broken by the breaker that never opens: ${example.violation.message}`],
    }),
  );
}
