import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import { RunTracer } from '../../src/tracing/run-tracer.ts';
import { runUnits } from '../../src/work/run-units.ts';
import { StartedWorkers } from '../../src/work/started-workers.ts';
import { bytesOf, unitOf } from './helpers.ts';

// A long unit first and short ones after it: with two workers the short ones finish first.
const UNITS = [
  unitOf('scenarios/cache-under-zipf.yaml', 11),
  unitOf('scenarios/rate-limit-429.yaml', 3),
  unitOf('scenarios/retry-storm.yaml', 5),
  unitOf('scenarios/outage-with-fallback.yaml', 8),
];

/** What the caller is told, in the order it is told: `start i`, `end i`. */
function recorder() {
  const events: string[] = [];
  return {
    events,
    onStart: (index: number) => {
      events.push(`start ${index}`);
    },
    onOutcome: (index: number) => {
      events.push(`end ${index}`);
      return undefined;
    },
  };
}

describe('runUnits on worker threads', () => {
  it('gives byte-identical results to one thread, told in unit order although later units finish first', async () => {
    const here = recorder();
    const one = await runUnits(UNITS, { settings: {}, workers: 1, ...here });
    const pooled = recorder();
    const finishedAt: number[] = [];
    const two = await runUnits(UNITS, {
      settings: {},
      workers: 2,
      onStart: pooled.onStart,
      onOutcome: (index, outcome) => {
        finishedAt.push(outcome.wallMs);
        return pooled.onOutcome(index);
      },
    });
    expect(bytesOf(two)).toEqual(bytesOf(one));
    expect(two.map((o) => o.unit)).toEqual(UNITS);
    const inOrder = UNITS.flatMap((_, i) => [`start ${i}`, `end ${i}`]);
    expect(here.events).toEqual(inOrder);
    expect(pooled.events).toEqual(inOrder);
  }, 120_000);

  it('relays a unit’s progress only between its start and its outcome, as one thread would', async () => {
    const events: string[] = [];
    const long = [unitOf('scenarios/healthy-baseline.yaml', 2), UNITS[0] as (typeof UNITS)[0]];
    await runUnits(long, {
      settings: {},
      workers: 2,
      onStart: (index) => {
        events.push(`start ${index}`);
      },
      onProgress: (index) => {
        if (events.at(-1) !== `progress ${index}`) events.push(`progress ${index}`);
      },
      onOutcome: (index) => {
        events.push(`end ${index}`);
        return undefined;
      },
    });
    const shown = events.filter((event) => event.startsWith('progress'));
    expect(shown.length).toBeGreaterThan(0);
    for (const event of shown) {
      const index = event.split(' ')[1];
      const at = events.indexOf(event);
      expect(events.indexOf(`start ${index}`)).toBeLessThan(at);
      expect(events.indexOf(`end ${index}`)).toBeGreaterThan(at);
    }
    expect(events.filter((event) => !event.startsWith('progress'))).toEqual([
      'start 0',
      'end 0',
      'start 1',
      'end 1',
    ]);
  }, 60_000);

  it('runs an intercepting backend (nock, the user’s own client module) in a worker with the same result', async () => {
    const units = [unitOf('test/fixtures/scenarios/client-outage.yaml', 7), UNITS[1] as (typeof UNITS)[1]];
    const one = await runUnits(units, { settings: {}, workers: 1 });
    const two = await runUnits(units, { settings: {}, workers: 2 });
    expect(one[0]?.result.requests.total).toBeGreaterThan(0);
    expect(bytesOf(two)).toEqual(bytesOf(one));
  }, 60_000);

  it('brings a coded error back from a worker as the same one-line FaultlineError, after the units before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-units-'));
    const changing = join(dir, 'changing.yaml');
    copyFileSync('scenarios/rate-limit-429.yaml', changing);
    const units = [UNITS[1] as (typeof UNITS)[1], unitOf(changing, 1)];
    writeFileSync(changing, '# edited after planning\n', { flag: 'a' });
    const errorOf = async (workers: number, told: string[]) =>
      runUnits(units, {
        settings: {},
        workers,
        onOutcome: (index) => {
          told.push(`end ${index}`);
          return undefined;
        },
      }).then(
        () => undefined,
        (error: unknown) => error,
      );
    const toldHere: string[] = [];
    const toldPooled: string[] = [];
    const here = await errorOf(1, toldHere);
    const pooled = await errorOf(2, toldPooled);
    expect(isFaultlineError(pooled)).toBe(true);
    expect(isFaultlineError(here) && isFaultlineError(pooled) && pooled.code).toBe('SCENARIO_CHANGED');
    expect((pooled as Error).message).toBe((here as Error).message);
    expect((pooled as Error).message).toContain('changing.yaml');
    expect(toldPooled).toEqual(['end 0']);
    expect(toldHere).toEqual(['end 0']);
  }, 60_000);

  it('stops handing out units when the caller says stop (bail), with the results of one thread', async () => {
    const stopAtFirst = () => false;
    const one = await runUnits(UNITS, { settings: {}, workers: 1, onOutcome: stopAtFirst });
    const two = await runUnits(UNITS, { settings: {}, workers: 2, onOutcome: stopAtFirst });
    expect(two).toHaveLength(1);
    expect(bytesOf(two)).toEqual(bytesOf(one));
  }, 60_000);

  it('on abort, ends every running unit within the grace period with its partial result marked incomplete', async () => {
    const controller = new AbortController();
    const units = [
      unitOf('scenarios/healthy-baseline.yaml', 1),
      unitOf('scenarios/healthy-baseline.yaml', 2),
    ];
    const started: number[] = [];
    let abortedAt = 0;
    const run = runUnits(units, {
      settings: { durationMs: 24 * 3_600_000 },
      workers: 2,
      signal: controller.signal,
      onStart: (index) => {
        started.push(index);
      },
      onProgress: () => {
        if (!controller.signal.aborted) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const outcomes = await run;
    expect(performance.now() - abortedAt).toBeLessThan(5_000);
    // Both had started (unit 1 perhaps only just): both come back, cut short; what unit 0 measured is there.
    expect(started).toEqual([0, 1]);
    expect(outcomes.map((o) => o.result.complete)).toEqual([false, false]);
    expect(outcomes[0]?.result.requests.total).toBeGreaterThan(0);
    for (const { result } of outcomes) expect(result.durationMs).toBeLessThan(24 * 3_600_000);
  }, 60_000);

  it('ends a worker that does not answer the stop after the grace period; its unit is left out', async () => {
    const controller = new AbortController();
    const units = [unitOf('test/fixtures/workers/frozen.yaml', 1), UNITS[1] as (typeof UNITS)[1]];
    const run = runUnits(units, {
      settings: {},
      workers: 2,
      signal: controller.signal,
      onStart: () => {
        // Once the frozen unit has started its thread is blocked for a minute; stop now.
        setTimeout(() => controller.abort(), 500);
      },
    });
    // Well inside the test's timeout, though the frozen thread would block for a minute.
    expect(await run).toEqual([]);
  }, 30_000);

  it('keeps units in this thread, with a notice, when a tracer records them', async () => {
    const notices: string[] = [];
    const tracers: RunTracer[] = [];
    const outcomes = await runUnits(UNITS.slice(1, 3), {
      settings: {},
      workers: 2,
      onNotice: (message) => notices.push(message),
      tracerFor: () => {
        const tracer = new RunTracer();
        tracers.push(tracer);
        return tracer;
      },
    });
    expect(outcomes).toHaveLength(2);
    expect(notices).toEqual([
      '--workers 2: every unit runs in this thread, one at a time, because traces (--otlp-endpoint) are recorded here',
    ]);
    expect(tracers.map((tracer) => tracer.requests.length > 0)).toEqual([true, true]);
  }, 60_000);

  it('keeps units in this thread when a scenario runs in real time, read from what the caller loaded', async () => {
    const notices: string[] = [];
    const units = UNITS.slice(1, 3);
    const [first] = units;
    if (!first) throw new Error('no units');
    const { scenario } = await loadScenarioFile(first.absolute);
    const outcomes = await runUnits(units, {
      settings: {},
      workers: 2,
      onNotice: (message) => notices.push(message),
      // Told the first file is real-time, the decision must not parse the files again (they are not).
      loadedScenario: (unit) =>
        unit.absolute === first.absolute ? { ...scenario, mode: 'real-time' } : undefined,
    });
    expect(outcomes).toHaveLength(2);
    expect(notices).toEqual([
      `--workers 2: every unit runs in this thread, one at a time, because ${first.file} runs in real time`,
    ]);
  }, 60_000);

  it('takes over threads started ahead, with the same results, and ends them when units stay here', async () => {
    const one = await runUnits(UNITS.slice(1, 3), { settings: {}, workers: 1 });
    const started = new StartedWorkers(2);
    const taken = await runUnits(UNITS.slice(1, 3), { settings: {}, workers: 2, startedWorkers: started });
    expect(bytesOf(taken)).toEqual(bytesOf(one));
    // The pool ran them and ended the threads: nothing is left to take or release.
    expect(started.take()).toBeUndefined();

    const unused = new StartedWorkers(2);
    await runUnits(UNITS.slice(1, 3), {
      settings: {},
      workers: 2,
      startedWorkers: unused,
      tracerFor: () => new RunTracer(),
    });
    // Units that must stay in this thread leave the started threads unused, and runUnits ends them.
    expect(unused.take()).toBeUndefined();
  }, 60_000);
});
