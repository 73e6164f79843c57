import { basename, extname } from 'node:path';
import { FaultlineError } from '../errors/faultline-error.ts';
import { readRecording } from '../record/read-recording.ts';
import { parseScenario } from '../scenario/load-scenario.ts';
import { type FitOptions, fitRecording, type RecordingFit } from './fit-recording.ts';
import { fitReportMarkdown } from './fit-report.ts';
import { MIN_SAMPLES } from './latency-fit.ts';
import { isFailure } from './outcome.ts';
import { routeTemplate } from './route-template.ts';
import { fittedScenarioYaml } from './scenario-yaml.ts';

export interface FittedFile {
  readonly fit: RecordingFit;
  readonly yaml: string;
  readonly report: string;
  readonly dropped: readonly string[];
}

/** Reads a recording, fits it, and writes the scenario (checked by the scenario loader) and the report. */
export async function fitFile(
  file: string,
  options: FitOptions & { readonly name?: string } = {},
): Promise<FittedFile> {
  const exchanges = await readRecording(file);
  if (exchanges.length < MIN_SAMPLES) {
    throw new FaultlineError(
      'FIT_NO_DATA',
      `${file} holds ${exchanges.length} requests; fitting needs at least ${MIN_SAMPLES}. Record longer.`,
    );
  }
  const fit = fitRecording(exchanges, options);
  const source = basename(file);
  const name = options.name ?? `fitted-${basename(file, extname(file)).replace(/[^A-Za-z0-9._-]/g, '-')}`;
  const { yaml, dropped } = fittedScenarioYaml(fit, { name, source });
  // A scenario that does not load is a bug here, not the user's: fail loudly rather than write it.
  parseScenario(`${name}.yaml`, yaml, {});
  const samples = new Map<string, number[]>();
  for (const e of exchanges) {
    if (isFailure(e)) continue;
    const key = `${e.method} ${routeTemplate(e.path)}`;
    const list = samples.get(key);
    if (list) list.push(e.durationMs);
    else samples.set(key, [e.durationMs]);
  }
  return { fit, yaml, dropped, report: fitReportMarkdown(fit, { source, samples }) };
}
