import { serializeResult } from '../serialize.ts';
import { resolveOutputPath, uniqueSlugs, writeOutputFile } from './output-file.ts';
import type { FileReporterOptions, Reporter, ReporterContext } from './types.ts';

const SCENARIO_PLACEHOLDER = '{scenario}';

/**
 * Writes each scenario's versioned result, the file `faultline replay` reads. The output path may hold
 * `{scenario}` (the default is `{scenario}.json`); without it, a run of several scenarios adds the
 * scenario's name before the extension so results never overwrite each other.
 */
export function createJsonReporter(options: FileReporterOptions, ctx: ReporterContext): Reporter {
  const template = options.output ?? `${SCENARIO_PLACEHOLDER}.json`;
  resolveOutputPath(ctx.outDir, template.replaceAll(SCENARIO_PLACEHOLDER, 'scenario'));
  let slugs: string[] = [];
  return {
    onRunStart(run) {
      slugs = uniqueSlugs(run.plans.map((plan) => plan.name));
    },
    async onScenarioEnd({ plan, result }) {
      const path = jsonPath(template, slugs[plan.index] ?? 'scenario', plan.count > 1);
      await writeOutputFile(ctx.outDir, path, serializeResult(result));
    },
  };
}

export function jsonPath(template: string, slug: string, several: boolean): string {
  if (template.includes(SCENARIO_PLACEHOLDER)) return template.replaceAll(SCENARIO_PLACEHOLDER, slug);
  if (!several) return template;
  const dot = template.lastIndexOf('.');
  return dot > 0 ? `${template.slice(0, dot)}-${slug}${template.slice(dot)}` : `${template}-${slug}`;
}
