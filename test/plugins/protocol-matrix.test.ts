import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearAnalysisMemo } from '../../src/analysis/router.ts';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { startGrpcServer } from '../../src/grpc/server.ts';
import { createFaultController, type FaultController } from '../../src/http/fault-controller.ts';
import { startServer } from '../../src/http/server.ts';
import { openBackendRef } from '../../src/interceptors/open-backend.ts';
import { GRPC_CODE_BY_STATUS } from '../../src/protocols/fault-mapping.ts';
import type { RunResult } from '../../src/report/result.ts';
import { createRng } from '../../src/rng/rng.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { startWebSocketServer } from '../../src/websocket/server.ts';

/**
 * The same scenario in process (virtual time) and against real servers on 127.0.0.1 over HTTP, gRPC and
 * WebSocket (real time), with the faults injected by each server in its transport's own terms.
 * The scenarios are built so that their counts do not depend on timing (see their headers).
 */
const SCENARIOS = {
  'outage-with-fallback': resolve('test/fixtures/scenarios/protocol-matrix-outage.yaml'),
  'flaky-5xx-with-retries': resolve('test/fixtures/scenarios/protocol-matrix-flaky.yaml'),
} as const;
type Transport = 'http' | 'grpc' | 'websocket';
const TRANSPORTS: readonly Transport[] = ['http', 'grpc', 'websocket'];

/** What the matrix compares: client-side counts, server-side fault counts, the verdict. */
interface Summary {
  readonly requests: RunResult['requests'];
  readonly calls: number;
  readonly reached: number;
  readonly injected: Record<string, number>;
  readonly hypotheses: boolean[];
  readonly verdict: RunResult['verdict'];
}

const summary = (result: RunResult, reached: number, injected: Record<string, number>): Summary => ({
  requests: result.requests,
  calls: result.backend.calls,
  reached,
  injected,
  hypotheses: result.hypotheses.map((h) => h.pass),
  verdict: result.verdict,
});

async function inProcess(file: string): Promise<Summary> {
  const { scenario } = await loadScenarioFile(file);
  clearAnalysisMemo();
  // A server draws its faults in call order (it cannot know a call's request), so the reference does too.
  const result = await runScenario(scenario, { file, callOrderDraws: true });
  return summary(result, result.backend.reached, result.faults.injected);
}

/** A server's fault timeline that also counts what it decided: calls seen, calls let through, faults. */
function countingFaults(inner: FaultController) {
  const counts = { seen: 0, reached: 0, injected: {} as Record<string, number> };
  const controller: FaultController = {
    ...inner,
    effectFor(request: BackendRequest) {
      const effect = inner.effectFor(request);
      counts.seen++;
      if (!effect.failure) counts.reached++;
      for (const kind of effect.injected) counts.injected[kind] = (counts.injected[kind] ?? 0) + 1;
      return effect;
    },
  };
  return { controller, counts };
}

async function overTransport(
  transport: Transport,
  file: string,
): Promise<{ summary: Summary; seen: number }> {
  const { scenario } = await loadScenarioFile(file);
  const seed = scenario.seed ?? 0;
  const clock = createRealClock();
  // The stream the in-process chaos layer draws this backend's faults from (simulate: rng.fork('faults:<name>')).
  const { controller, counts } = countingFaults(
    createFaultController({
      phases: scenario.phases,
      clock,
      rng: createRng(seed).fork('faults:primary'),
      backendName: 'primary',
    }),
  );
  const backend = await openBackendRef(scenario.backends.primary!, {
    clock,
    rng: createRng(seed),
    baseDir: '.',
  });
  const common = { faults: controller, backend, seed };
  const server =
    transport === 'http'
      ? await startServer(common)
      : transport === 'grpc'
        ? await startGrpcServer(common)
        : await startWebSocketServer(common);
  const ref: Scenario['backends'][string] =
    transport === 'http'
      ? { plugin: 'http', options: { url: server.url, api: 'analysis' } }
      : transport === 'grpc'
        ? { plugin: 'grpc', options: { url: server.url } }
        : { plugin: 'websocket', options: { url: server.url, reconnect: { initialDelay: 5, maxDelay: 20 } } };
  const served: Scenario = {
    ...scenario,
    mode: 'real-time',
    backends: { primary: ref },
    // The servers inject the faults; the phases stay for their windows.
    phases: scenario.phases.map((phase) => ({ ...phase, faults: [] })),
  };
  try {
    clearAnalysisMemo();
    controller.restart();
    const result = await runScenario(served, { file, realTime: true });
    return { summary: summary(result, counts.reached, counts.injected), seen: counts.seen };
  } finally {
    await server.close();
  }
}

/** gRPC reports a status under its own code; the mapping table says which HTTP status it stands for. */
function expectedOver(transport: Transport, base: Summary): Summary {
  if (transport !== 'grpc') return base;
  const failuresByCode = Object.fromEntries(
    Object.entries(base.requests.failuresByCode).map(([code, count]) => {
      const status = /^HTTP_(\d+)$/.exec(code)?.[1];
      return [status ? `GRPC_${GRPC_CODE_BY_STATUS[Number(status)]}` : code, count];
    }),
  );
  return { ...base, requests: { ...base.requests, failuresByCode } };
}

afterAll(() => clearAnalysisMemo());

describe.each(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[])('protocol matrix: %s', (name) => {
  const file = SCENARIOS[name];
  let reference: Summary;

  it('in process gives the expected counts (the reference for every transport)', async () => {
    reference = await inProcess(file);
    if (name === 'outage-with-fallback') {
      expect(reference).toEqual({
        requests: { total: 20, succeeded: 17, fellBack: 3, failed: 0, failuresByCode: {} },
        calls: 26,
        reached: 17,
        injected: { 'fail-first': 9 },
        hypotheses: [true, false],
        verdict: 'fail',
      });
    } else {
      // Drawn from seed 2: enough 503s that retries matter, and some requests that fail all 3 attempts.
      expect(reference.requests.total).toBe(60);
      expect(reference.injected.error).toBeGreaterThan(5);
      expect(reference.requests.failed).toBeGreaterThan(0);
      expect(reference.calls).toBe(reference.reached + (reference.injected.error ?? 0));
    }
  });

  it.each(TRANSPORTS)(
    'over %s on 127.0.0.1 gives the same counts and verdict',
    async (transport) => {
      const { summary: over, seen } = await overTransport(transport, file);
      expect(over).toEqual(expectedOver(transport, reference));
      // Every call the client counted reached the server, which decided its fault.
      expect(seen).toBe(over.calls);
    },
    30_000,
  );
});
