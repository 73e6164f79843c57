import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { FaultlineError } from '../errors/faultline-error.ts';
import { faultSchema, type Phase, phaseSchema } from '../faults/schema.ts';
import { loadScenarioFile } from '../scenario/load-scenario.ts';
import { type BackendRef, backendRefSchema, type Scenario } from '../scenario/schema.ts';

export type FaultInput = z.input<typeof faultSchema>;
export type PhaseInput = z.input<typeof phaseSchema>;

/** What to inject: a scenario file, a loaded scenario, phases, or a fault list active all the time. */
export type ChaosFaults = string | Scenario | readonly PhaseInput[] | readonly FaultInput[];

export interface ChaosSource {
  readonly phases: readonly Phase[];
  readonly seed?: number;
  /** The scenario's backend (the first its topology calls): what fault `target`s name and what answers. */
  readonly backendName?: string;
  readonly backendRef?: BackendRef;
  /** Folder that plugin paths are relative to. */
  readonly baseDir: string;
}

/** Plugins that intercept cannot stand behind an interception; what answers behind them is their `backend`. */
export const INTERCEPTING_PLUGINS: ReadonlySet<string> = new Set(['msw', 'nock']);

/** The `backend` option of the msw and nock plugins: what answers behind the interception. */
export const interceptedBackendSchema = backendRefSchema.default({ plugin: 'mock-analysis', options: {} });

export async function readChaosSource(faults: ChaosFaults, baseDir: string): Promise<ChaosSource> {
  if (typeof faults === 'string') {
    const { scenario, file } = await loadScenarioFile(resolve(baseDir, faults));
    return fromScenario(scenario, dirname(file));
  }
  if (isScenario(faults)) return fromScenario(faults, baseDir);
  const items: readonly unknown[] = faults;
  const first = items[0];
  const isFaultList = typeof first === 'object' && first !== null && 'kind' in first;
  return {
    phases: isFaultList
      ? [{ name: 'faults', from: 0, to: undefined, faults: parse(z.array(faultSchema), items) }]
      : parse(z.array(phaseSchema), items),
    baseDir,
  };
}

function isScenario(faults: Exclude<ChaosFaults, string>): faults is Scenario {
  return !Array.isArray(faults);
}

function fromScenario(scenario: Scenario, baseDir: string): ChaosSource {
  const name = firstBackend(scenario);
  const ref = name === undefined ? undefined : scenario.backends[name];
  return {
    phases: scenario.phases,
    seed: scenario.seed,
    backendName: name,
    backendRef:
      ref && INTERCEPTING_PLUGINS.has(ref.plugin)
        ? parse(interceptedBackendSchema, ref.options.backend)
        : ref,
    baseDir,
  };
}

function firstBackend(scenario: Scenario): string | undefined {
  const topology = scenario.topology;
  if (topology.type === 'failover') return topology.order[0];
  if (topology.type === 'fan-out' || topology.type === 'load-balanced') return topology.backends[0];
  return topology.backend ?? Object.keys(scenario.backends)[0];
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  throw new FaultlineError(
    'CHAOS_FAULTS_INVALID',
    `Invalid chaos faults${where}: ${issue?.message ?? 'not a fault list'}. Give fault objects such as { kind: 'error', status: 503 }, phases, or a scenario.`,
  );
}
