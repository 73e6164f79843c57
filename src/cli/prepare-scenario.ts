import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { createRealClock } from '../clock/real-clock.ts';
import { createFaultPlan } from '../faults/create-fault-plan.ts';
import { createRng } from '../rng/rng.ts';
import { checkReferences } from '../runner/check-references.ts';
import { closeBackends, openBackends } from '../runner/open-backends.ts';
import { findLiteralSecrets } from '../scenario/literal-secrets.ts';
import { loadScenarioFile } from '../scenario/load-scenario.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseScenarioText } from '../scenario/yaml-source.ts';

/** A scenario checked as far as it can be without running it. */
export interface PreparedScenario {
  /** As the user gave it (relative to the working directory when inside it). */
  readonly file: string;
  /** Absolute path, for the runner and plugin paths. */
  readonly absolute: string;
  readonly scenario: Scenario;
  /** SHA-256 of the file's bytes, recorded for `faultline replay`. */
  readonly sha256: string;
}

export interface PrepareOptions {
  readonly allowInsecureHttp?: boolean;
  /** Receives one line per literal secret found in the file. */
  readonly warn: (message: string) => void;
}

/**
 * Loads and validates a scenario file, checks that the names it uses exist, and opens (then closes) its
 * backends, so a wrong plugin name or plugin option fails here, before any scenario of a run starts.
 */
export async function prepareScenario(file: string, options: PrepareOptions): Promise<PreparedScenario> {
  const { scenario, file: absolute } = await loadScenarioFile(file);
  checkReferences(scenario, file);
  const bytes = await readFile(absolute);
  if (['.yaml', '.yml', '.json'].includes(extname(absolute).toLowerCase())) {
    for (const warning of findLiteralSecrets(parseScenarioText(file, bytes.toString('utf8')))) {
      options.warn(warning.message);
    }
  }
  const backends = await openBackends(scenario, file, {
    clock: createRealClock(),
    rng: createRng(0),
    baseDir: dirname(absolute),
    allowInsecureHttp: options.allowInsecureHttp,
    faultPlan: createFaultPlan(scenario.phases),
  });
  await closeBackends(backends);
  return { file, absolute, scenario, sha256: sha256(bytes) };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
