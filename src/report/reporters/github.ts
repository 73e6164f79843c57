import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseScenarioText } from '../../scenario/yaml-source.ts';
import { formatActual, formatExpectation, reproduceCommand } from './format.ts';
import type { Reporter, ReporterContext, ScenarioOutcome } from './types.ts';

/**
 * GitHub Actions workflow commands: an error annotation on the scenario file (at the failing
 * hypothesis's line when the file is YAML or JSON) for each hypothesis that failed. Silent outside
 * GitHub Actions, so it can stay in a shared config.
 */
export function createGithubReporter(_options: object, ctx: ReporterContext): Reporter {
  if (ctx.env.GITHUB_ACTIONS !== 'true') return {};
  return {
    async onScenarioEnd(outcome) {
      for (const line of await annotations(outcome)) ctx.stdout.write(`${line}\n`);
    },
  };
}

export async function annotations(outcome: ScenarioOutcome): Promise<string[]> {
  const { result, plan } = outcome;
  const lineOf = await hypothesisLines(plan.file);
  const out: string[] = [];
  result.hypotheses.forEach((h, index) => {
    if (h.pass) return;
    const line = lineOf(index);
    out.push(
      command(
        'error',
        {
          file: plan.file,
          ...(line !== undefined && { line: String(line) }),
          title: `faultline: ${result.scenario.name}`,
        },
        `Hypothesis "${h.name}" failed: expected ${formatExpectation(h)}, measured ${formatActual(h)}. Reproduce: ${reproduceCommand(outcome)}`,
      ),
    );
  });
  if (!result.complete) {
    out.push(
      command(
        'warning',
        { file: plan.file, title: `faultline: ${result.scenario.name}` },
        'The run was interrupted; its result is incomplete.',
      ),
    );
  }
  return out;
}

/** Maps a hypothesis's index to its line in the scenario file; nothing when the file cannot say. */
async function hypothesisLines(file: string): Promise<(index: number) => number | undefined> {
  if (!['.yaml', '.yml', '.json'].includes(extname(file).toLowerCase())) return () => undefined;
  try {
    const source = parseScenarioText(file, await readFile(file, 'utf8'));
    return (index) => source.positionOf(['hypotheses', index])?.line;
  } catch {
    // The file changed or went away since the run: annotate the file without a line.
    return () => undefined;
  }
}

function command(kind: 'error' | 'warning', properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${kind} ${props}::${escapeData(message)}`;
}

// The escapes GitHub's toolkit applies (@actions/core command.ts), so user strings cannot end the command early.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
