import type { Backend } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { createFaultPlan } from '../faults/create-fault-plan.ts';
import { createRng } from '../rng/rng.ts';
import type { BackendRef } from '../scenario/schema.ts';
import type { InterceptorKind } from './active-interceptor.ts';
import { createChaosExchange } from './chaos-exchange.ts';
import { type ChaosFaults, interceptedBackendSchema, readChaosSource } from './chaos-source.ts';
import type { ChaosStats } from './chaos-stats.ts';
import { DEFAULT_BASE_URL, DEFAULT_ROUTES } from './defaults.ts';
import type { InstallInterception } from './interception.ts';
import { openBackendRef } from './open-backend.ts';

/** Loaded when used, so faultline/nock needs no msw installed and faultline/msw no nock. */
const INSTALLERS: { readonly [K in InterceptorKind]: () => Promise<InstallInterception> } = {
  msw: async () => (await import('./msw/install.ts')).installMswInterception,
  nock: async () => (await import('./nock/install.ts')).installNockInterception,
};

export interface InstallChaosOptions {
  /** Where the client under test sends its requests; default http://analysis.faultline.test. */
  readonly baseUrl?: string;
  /** Paths answered under the base URL; default the argument-analysis API's routes. */
  readonly routes?: readonly string[];
  /**
   * What answers the requests the faults let through: a backend, or a plugin reference. Default: the
   * scenario's backend when a scenario is given, else mock-analysis.
   */
  readonly backend?:
    | Backend
    | BackendRef
    | { readonly plugin: string; readonly options?: Record<string, unknown> };
  /** The name fault `target`s refer to; default the scenario's backend name, else "primary". */
  readonly backendName?: string;
  /** Delays and phases run on it; default the real clock. */
  readonly clock?: Clock;
  /** Seed of the fault draws; default the scenario's seed, else 1. */
  readonly seed?: number;
  /** Folder for relative scenario and plugin paths; default the working directory. */
  readonly baseDir?: string;
}

/** Chaos installed in the process; every request to the base URL now goes through the faults. */
export interface InstalledChaos {
  readonly kind: InterceptorKind;
  readonly stats: ChaosStats;
  readonly baseUrl: string;
  readonly clock: Clock;
  /** Removes the interception, ends exchanges still waiting and closes the backend behind. */
  uninstall(): Promise<void>;
}

/** Loads the faults and the backend behind, and installs msw or nock to answer the base URL with them. */
export async function installChaos(
  kind: InterceptorKind,
  faults: ChaosFaults,
  options: InstallChaosOptions = {},
): Promise<InstalledChaos> {
  const install = await INSTALLERS[kind]();
  const source = await readChaosSource(faults, options.baseDir ?? process.cwd());
  const clock = options.clock ?? createRealClock();
  const rng = createRng(options.seed ?? source.seed ?? 1);
  const given = options.backend;
  const backend =
    given && 'call' in given
      ? given
      : await openBackendRef(interceptedBackendSchema.parse(given ?? source.backendRef), {
          clock,
          rng: rng.fork('backend'),
          baseDir: source.baseDir,
        });
  const ownsBackend = backend !== given;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  try {
    const exchange = createChaosExchange({
      plan: createFaultPlan(source.phases),
      backend,
      backendName: options.backendName ?? source.backendName ?? 'primary',
      clock,
      rng: rng.fork('faults'),
    });
    const interception = install(exchange, { baseUrl, routes: options.routes ?? DEFAULT_ROUTES });
    return {
      kind,
      stats: exchange.stats,
      baseUrl,
      clock,
      async uninstall() {
        interception.uninstall();
        if (ownsBackend) await backend.close?.();
      },
    };
  } catch (error) {
    if (ownsBackend) await backend.close?.();
    throw error;
  }
}
