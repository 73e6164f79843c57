import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadBackendPlugin } from '../backend/registry.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { createFaultPlan } from '../faults/create-fault-plan.ts';
import { createRng } from '../rng/rng.ts';
import { checkReferences } from '../runner/check-references.ts';
import { closeBackends, openBackends } from '../runner/open-backends.ts';
import { findLiteralSecrets } from '../scenario/literal-secrets.ts';
import { loadScenarioFile } from '../scenario/load-scenario.ts';
import { pointAtRealApi, type RealApi } from '../scenario/point-at-real-api.ts';
import type { Scenario } from '../scenario/schema.ts';
import { checkSemantics } from '../scenario/semantic-checks.ts';
import { parseScenarioText } from '../scenario/yaml-source.ts';
import { sha256 } from '../util/sha256.ts';
import { locateError, pluginFieldError } from './locate-error.ts';

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
  /** Swap in-process analysis backends for a real API (`--real-backend --api-url`). */
  readonly realApi?: RealApi;
  /** Receives one line per literal secret found in the file. */
  readonly warn: (message: string) => void;
  /** How the run will go (--duration, --real-time, --force), which some checks depend on. */
  readonly durationMs?: number;
  readonly realTime?: boolean;
  readonly force?: boolean;
}

/**
 * Loads and validates a scenario file, checks that the names it uses exist, and opens (then closes) its
 * backends, so a wrong plugin name or plugin option fails here, before any scenario of a run starts.
 */
export async function prepareScenario(file: string, options: PrepareOptions): Promise<PreparedScenario> {
  const loaded = await loadScenarioFile(file);
  const absolute = loaded.file;
  const scenario = options.realApi ? pointAtRealApi(loaded.scenario, options.realApi) : loaded.scenario;
  const bytes = await readFile(absolute);
  const source = DATA_FILE.test(absolute) ? parseScenarioText(file, bytes.toString('utf8')) : undefined;
  if (source) for (const warning of findLiteralSecrets(source)) options.warn(warning.message);
  const baseDir = dirname(absolute);
  try {
    checkReferences(scenario, file);
    checkSemantics(scenario, file, {
      ...(options.durationMs !== undefined && { durationMs: options.durationMs }),
      ...(options.realTime !== undefined && { realTime: options.realTime }),
      ...(options.force !== undefined && { force: options.force }),
      warn: options.warn,
    });
    for (const [name, ref] of Object.entries(scenario.backends)) {
      await loadBackendPlugin(ref.plugin, baseDir).catch((error: unknown) => {
        throw pluginFieldError(error, file, name, source);
      });
    }
    const backends = await openBackends(scenario, file, {
      clock: createRealClock(),
      rng: createRng(0),
      baseDir,
      allowInsecureHttp: options.allowInsecureHttp,
      faultPlan: createFaultPlan(scenario.phases),
    });
    await closeBackends(backends);
  } catch (error) {
    throw locateError(error, source);
  }
  return { file, absolute, scenario, sha256: sha256(bytes) };
}

const DATA_FILE = /\.(ya?ml|json)$/i;
