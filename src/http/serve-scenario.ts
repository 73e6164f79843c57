import type { Backend } from '../backend/contract.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { openBackendRef } from '../interceptors/open-backend.ts';
import { createRng } from '../rng/rng.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type RunningServer, type ServerOptions, startServer } from './server.ts';

export interface ServedScenario {
  /**
   * The scenario to run on the real clock: each backend is now the `http` plugin pointed at its server,
   * and the phases keep their windows (for per-phase figures) but lose their faults, which the servers
   * inject instead, so no fault fires twice.
   */
  readonly scenario: Scenario;
  /** One server per backend, by backend name. */
  readonly servers: ReadonlyMap<string, RunningServer>;
  /** Restarts every server's fault timeline at 0: call it just before the run starts. */
  restartTimelines(): void;
  close(): Promise<void>;
}

/**
 * Moves a scenario's backends and faults out of process: every mock-analysis backend becomes a real
 * `faultline serve` with the same base latency and the scenario's phases (matched by backend name, so
 * `target:` still works), for a real-time run that can be compared with the simulated one.
 */
export async function serveScenario(
  scenario: Scenario,
  options: { readonly baseDir: string; readonly seed?: number } & Pick<ServerOptions, 'clock' | 'logger'>,
): Promise<ServedScenario> {
  const servers = new Map<string, RunningServer>();
  const seed = options.seed ?? scenario.seed ?? 0;
  const closeAll = () =>
    Promise.all([...servers.values()].map((server) => server.close())).then(() => undefined);
  try {
    for (const [name, ref] of Object.entries(scenario.backends)) {
      if (ref.plugin !== 'mock-analysis') {
        throw new FaultlineError(
          'SERVE_UNSUPPORTED_BACKEND',
          `Backend "${name}" uses the ${ref.plugin} plugin: only mock-analysis backends can be served over HTTP.`,
        );
      }
      const backend: Backend = await openBackendRef(ref, {
        clock: createRealClock(),
        rng: createRng(seed),
        baseDir: options.baseDir,
      });
      const server = await startServer({
        phases: scenario.phases,
        seed,
        backendName: name,
        backend,
        clock: options.clock,
        logger: options.logger,
      });
      servers.set(name, server);
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  const backends = Object.fromEntries(
    [...servers].map(([name, server]) => [
      name,
      { plugin: 'http', options: { url: server.url, api: 'analysis' } },
    ]),
  );
  return {
    scenario: {
      ...scenario,
      mode: 'real-time',
      backends,
      phases: scenario.phases.map((phase) => ({ ...phase, faults: [] })),
    },
    servers,
    restartTimelines: () => {
      for (const server of servers.values()) server.faults.restart();
    },
    close: closeAll,
  };
}
