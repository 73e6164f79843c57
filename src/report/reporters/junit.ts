import type { RunResult } from '../result.ts';
import { formatActual, formatExpectation, reproduceCommand } from './format.ts';
import { resolveOutputPath, writeOutputFile } from './output-file.ts';
import type { FileReporterOptions, Reporter, ReporterContext, RunSummary, ScenarioOutcome } from './types.ts';
import { escapeXml } from './xml-escape.ts';

/**
 * JUnit XML, the format every CI understands: one test suite per scenario, one test case per
 * hypothesis, the seed as a property so a failure can be replayed from the CI page.
 */
export function createJunitReporter(options: FileReporterOptions, ctx: ReporterContext): Reporter {
  const output = options.output ?? 'junit.xml';
  resolveOutputPath(ctx.outDir, output);
  return {
    async onRunEnd(summary) {
      await writeOutputFile(ctx.outDir, output, renderJunit(summary));
    },
  };
}

interface Suite {
  readonly name: string;
  readonly file: string;
  readonly wallMs: number;
  readonly properties: readonly [string, string][];
  readonly cases: readonly TestCase[];
}

interface TestCase {
  readonly name: string;
  readonly classname: string;
  readonly outcome: 'passed' | 'failure' | 'error' | 'skipped';
  readonly message?: string;
  readonly detail?: string;
}

export function renderJunit(summary: RunSummary): string {
  const suites = [
    ...summary.outcomes.map(suiteOf),
    ...summary.notRun.map(
      (plan): Suite => ({
        name: plan.name,
        file: plan.file,
        wallMs: 0,
        properties: [['seed', String(plan.seed)]],
        cases: [{ name: 'not run', classname: plan.name, outcome: 'skipped' }],
      }),
    ),
  ];
  const cases = suites.flatMap((suite) => suite.cases);
  const root = element(
    'testsuites',
    { name: 'faultline', ...countAttributes(cases), time: secondsAttr(summary.wallMs) },
    suites.map(renderSuite),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

function suiteOf(outcome: ScenarioOutcome): Suite {
  const { result, plan } = outcome;
  const name = result.scenario.name;
  const cases: TestCase[] = result.hypotheses.map((h) => ({
    name: h.name,
    classname: name,
    outcome: h.pass ? 'passed' : 'failure',
    message: `${h.name}: expected ${formatExpectation(h)}, measured ${formatActual(h)}`,
    detail: `Reproduce: ${reproduceCommand(outcome)}`,
  }));
  if (!result.complete) {
    cases.push({
      name: 'run completed',
      classname: name,
      outcome: 'error',
      message: 'the run was interrupted; its figures cover only part of it',
    });
  }
  return { name, file: plan.file, wallMs: outcome.wallMs, properties: suiteProperties(result), cases };
}

function renderSuite(suite: Suite): string {
  return element(
    'testsuite',
    { name: suite.name, ...countAttributes(suite.cases), time: secondsAttr(suite.wallMs), file: suite.file },
    [
      element(
        'properties',
        {},
        suite.properties.map(([name, value]) => element('property', { name, value }, [])),
      ),
      ...suite.cases.map(renderCase),
    ],
  );
}

function renderCase(test: TestCase): string {
  const attributes = { name: test.name, classname: test.classname, time: '0' };
  switch (test.outcome) {
    case 'passed':
      return element('testcase', attributes, []);
    case 'skipped':
      return element('testcase', attributes, ['<skipped/>']);
    case 'failure':
      return element('testcase', attributes, [
        element('failure', { message: test.message ?? '', type: 'HypothesisFailed' }, [
          escapeXml(test.detail ?? ''),
        ]),
      ]);
    case 'error':
      return element('testcase', attributes, [
        element('error', { message: test.message ?? '', type: 'Interrupted' }, []),
      ]);
  }
}

function countAttributes(cases: readonly TestCase[]): Record<string, string> {
  const count = (outcome: TestCase['outcome']) => String(cases.filter((c) => c.outcome === outcome).length);
  return {
    tests: String(cases.length),
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped'),
  };
}

function suiteProperties(result: RunResult): [string, string][] {
  return [
    ['seed', String(result.seed)],
    ['mode', result.mode],
    ['complete', String(result.complete)],
    ['simulatedDurationMs', String(result.durationMs)],
    ['requests', String(result.requests.total)],
    ['availability', String(result.availability)],
  ];
}

const secondsAttr = (ms: number) => (ms / 1000).toFixed(3);

/** `children` are already-escaped XML. */
function element(name: string, attributes: Record<string, string>, children: readonly string[]): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (children.length === 0) return `<${name}${attrs}/>`;
  return `<${name}${attrs}>${children.join('')}</${name}>`;
}
