import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock/clock.ts';
import { phaseSchema } from '../../src/faults/schema.ts';
import { readScenarioServing } from '../../src/http/scenario-server.ts';
import { startServer } from '../../src/http/server.ts';
import { fetchOutcome, jsonPost } from './support/clients.ts';
import { createInstantClock } from './support/instant-clock.ts';

/** A second of outage (every request 503), then a phase with no faults. */
const OUTAGE_THEN_AFTER = phaseSchema.array().parse([
  { name: 'outage', from: 0, to: 1_000, faults: [{ kind: 'error', status: 503, rate: 1 }] },
  { name: 'after', from: 1_000 },
]);

describe('readScenarioServing', () => {
  it('takes the phases, seed, target name and mock-analysis backend of a scenario', async () => {
    const serving = await readScenarioServing('scenarios/outage-with-fallback.yaml', process.cwd());
    expect(serving.phases.map((phase) => phase.name)).toEqual(['healthy', 'outage', 'recovery']);
    expect(serving.seed).toBe(7);
    expect(serving.backendName).toBe('primary');
    expect(serving.backend?.name).toBe('mock-analysis');
  });

  it('a server built from it answers after the scenario backend’s base latency, then follows the timeline', async () => {
    const serving = await readScenarioServing('scenarios/outage-with-fallback.yaml', process.cwd());
    const clock = createInstantClock();
    const server = await startServer({ ...serving, clock });
    try {
      const healthy = await fetchOutcome(`${server.url}/api/analyze`, jsonPost({ text: 'So it goes.' }));
      expect(healthy.ok && healthy.status).toBe(200);
      // One sleep: the lognormal base latency (median 150 ms) the simulation would also wait.
      expect(clock.sleeps).toHaveLength(1);
      expect(clock.sleeps[0]).toBeGreaterThan(0);
      server.faults.pinPhase('outage');
      const outage = await fetchOutcome(`${server.url}/api/analyze`, jsonPost({ text: 'So it goes.' }));
      expect(outage).toMatchObject({ ok: false, code: 'UND_ERR_SOCKET' });
    } finally {
      await server.close();
    }
  });

  it('starts its phase timeline at its first request, however long after the server started', async () => {
    let nowMs = 0;
    const clock: Clock = { ...createInstantClock(), now: () => nowMs };
    const server = await startServer({ phases: OUTAGE_THEN_AFTER, clock, seed: 1 });
    try {
      nowMs = 5_000; // the client run starts five seconds after the server
      expect(server.faults.status()).toMatchObject({ mode: 'waiting', active: undefined, elapsedMs: 0 });
      const first = await fetchOutcome(`${server.url}/api/analyze`, jsonPost({ text: 'So it goes.' }));
      expect(first.ok && first.status).toBe(503);
      expect(server.faults.status()).toMatchObject({ mode: 'timeline', active: 'outage', elapsedMs: 0 });
      nowMs = 6_100;
      const later = await fetchOutcome(`${server.url}/api/analyze`, jsonPost({ text: 'So it goes.' }));
      expect(later.ok && later.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('starts its timeline at a POST /faultline/start when told to, before any request', async () => {
    let nowMs = 0;
    const clock: Clock = { ...createInstantClock(), now: () => nowMs };
    const server = await startServer({ phases: OUTAGE_THEN_AFTER, clock, seed: 1 });
    try {
      nowMs = 5_000;
      const started = await fetchOutcome(`${server.url}/faultline/start`, { method: 'POST' });
      expect(started.ok && JSON.parse(started.body.toString())).toMatchObject({ mode: 'timeline' });
      nowMs = 6_500; // 1.5 s after the start signal: past the outage
      const answer = await fetchOutcome(`${server.url}/api/analyze`, jsonPost({ text: 'So it goes.' }));
      expect(answer.ok && answer.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
