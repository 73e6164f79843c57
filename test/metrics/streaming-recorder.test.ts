import { describe, expect, it } from 'vitest';
import type { OutcomeKind } from '../../src/metrics/recorder.ts';
import { createRecorder, type Recorder } from '../../src/metrics/streaming-recorder.ts';
import type { PolicyEvent } from '../../src/policies/events.ts';
import { createRng } from '../../src/rng/rng.ts';

const THREE_PHASES = [
  { name: 'warm', fromMs: 0, toMs: 1_000 },
  { name: 'outage', fromMs: 1_000, toMs: 4_000 },
  { name: 'recovery', fromMs: 4_000 },
];

const recorderWith = (phases = THREE_PHASES, bucketMs = 100) => createRecorder({ phases, bucketMs });
const phase = (recorder: Recorder, endMs: number, name: string) => {
  const found = recorder.figures(endMs).phases.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no phase ${name}`);
  return found;
};
const request = (startedAtMs: number, endedAtMs: number, kind: OutcomeKind = 'succeeded', code?: string) => ({
  startedAtMs,
  endedAtMs,
  kind,
  ...(code && { code }),
});

describe('phase attribution', () => {
  it('counts a request in the phase where it started, not where it ended', () => {
    const recorder = recorderWith();
    recorder.requestEnded(request(999, 2_500, 'failed', 'TIMEOUT'));
    recorder.requestEnded(request(1_000, 1_010));
    expect(phase(recorder, 5_000, 'warm').requests).toMatchObject({ total: 1, failed: 1 });
    expect(phase(recorder, 5_000, 'warm').latency.max).toBe(1_501);
    expect(phase(recorder, 5_000, 'outage').requests).toMatchObject({ total: 1, succeeded: 1 });
    expect(phase(recorder, 5_000, 'recovery').requests.total).toBe(0);
  });

  it('counts backend calls, faults and policy events in the phase active at their time', () => {
    const recorder = recorderWith();
    recorder.backendCall(999.5, 'primary');
    recorder.backendReached(999.5, 'primary');
    recorder.backendCall(1_000, 'primary');
    recorder.backendCall(4_200, 'secondary');
    recorder.backendReached(4_200, 'secondary');
    recorder.faultInjected(1_500, ['error', 'latency']);
    recorder.policyEvent(3_999, { type: 'cache-hit' });
    recorder.policyEvent(4_000, { type: 'cache-miss' });
    const figures = recorder.figures(5_000);
    expect(phase(recorder, 5_000, 'warm').backend).toMatchObject({ calls: 1, reached: 1 });
    expect(phase(recorder, 5_000, 'outage').backend).toMatchObject({ calls: 1, reached: 0 });
    expect(phase(recorder, 5_000, 'outage').cache).toEqual({
      hits: 1,
      misses: 0,
      coalesced: 0,
      lookups: 1,
      hitRatio: 1,
    });
    expect(phase(recorder, 5_000, 'recovery').cache).toEqual({
      hits: 0,
      misses: 1,
      coalesced: 0,
      lookups: 1,
      hitRatio: 0,
    });
    expect(figures.backend).toEqual({
      calls: 3,
      reached: 2,
      callsPerRequest: 0,
      attemptsPerRequest: {},
      byBackend: { primary: 2, secondary: 1 },
    });
    expect(figures.faults.injected).toEqual({ error: 1, latency: 1 });
    expect(phase(recorder, 5_000, 'outage').faults.injected).toEqual({ error: 1, latency: 1 });
    expect(phase(recorder, 5_000, 'warm').faults.injected).toEqual({});
    expect(phase(recorder, 5_000, 'outage').policyEvents).toEqual({ 'cache-hit': 1 });
    expect(phase(recorder, 5_000, 'recovery').policyEvents).toEqual({ 'cache-miss': 1 });
  });

  it('reports where measuring each phase stopped, cut at the end of the run', () => {
    const figures = recorderWith().figures(2_500);
    expect(figures.phases.map(({ name, fromMs, toMs }) => ({ name, fromMs, toMs }))).toEqual([
      { name: 'warm', fromMs: 0, toMs: 1_000 },
      { name: 'outage', fromMs: 1_000, toMs: 2_500 },
      { name: 'recovery', fromMs: 4_000, toMs: 4_000 },
    ]);
  });
});

describe('breaker accounting', () => {
  // closed → open@1000 → half-open@3000 → open@3100 → half-open@5100 → closed@5200 → open@9000, run ends at 10000.
  const sequence: [number, PolicyEvent['type']][] = [
    [1_000, 'breaker-open'],
    [2_000, 'breaker-open'], // already open: not a transition
    [3_000, 'breaker-half-open'],
    [3_100, 'breaker-open'],
    [5_100, 'breaker-half-open'],
    [5_200, 'breaker-closed'],
    [9_000, 'breaker-open'],
  ];
  const feed = (recorder: Recorder) => {
    for (const [at, type] of sequence) recorder.policyEvent(at, { type } as PolicyEvent);
  };

  it('sums time spent open (half-open excluded), including a span still open at the end', () => {
    const recorder = createRecorder({
      phases: [{ name: 'middle', fromMs: 2_000, toMs: 6_000 }],
      bucketMs: 1_000,
    });
    feed(recorder);
    const figures = recorder.figures(10_000);
    // [1000,3000) + [3100,5100) + [9000,10000) = 5000 ms of 10000.
    expect(figures.breaker).toMatchObject({ openTimeMs: 5_000, openRatio: 0.5, opened: 3 });
    expect(figures.breaker.transitions).toEqual([
      { atMs: 1_000, to: 'open' },
      { atMs: 3_000, to: 'half-open' },
      { atMs: 3_100, to: 'open' },
      { atMs: 5_100, to: 'half-open' },
      { atMs: 5_200, to: 'closed' },
      { atMs: 9_000, to: 'open' },
    ]);
    // Within [2000,6000): [2000,3000) + [3100,5100) = 3000 ms of 4000; one opening (at 3100) inside it.
    expect(figures.phases[0]?.breaker).toEqual({ openTimeMs: 3_000, openRatio: 0.75, opened: 1 });
    expect(figures.policyEvents).toEqual({ 'breaker-closed': 1, 'breaker-half-open': 2, 'breaker-open': 4 });
  });
});

describe('half-open on time', () => {
  it('stamps half-open when the wait ended, not at the first call after it, so open time is exact', () => {
    const recorder = createRecorder({ phases: [{ name: 'late', fromMs: 4_000 }], bucketMs: 1_000 });
    recorder.policyEvent(1_000, { type: 'breaker-open', halfOpenAfterMs: 2_000 });
    // The next call came at 4500: cockatiel reports half-open only then.
    recorder.policyEvent(4_500, { type: 'breaker-half-open' });
    recorder.policyEvent(4_600, { type: 'breaker-closed' });
    recorder.policyEvent(8_000, { type: 'breaker-open', halfOpenAfterMs: 1_000 });
    const figures = recorder.figures(10_000);
    // [1000, 3000) and [8000, 9000): the second spell turned half-open at 9000 with no call to see it.
    expect(figures.breaker).toMatchObject({ openTimeMs: 3_000, opened: 2 });
    expect(figures.breaker.transitions).toEqual([
      { atMs: 1_000, to: 'open' },
      { atMs: 3_000, to: 'half-open' },
      { atMs: 4_600, to: 'closed' },
      { atMs: 8_000, to: 'open' },
      { atMs: 9_000, to: 'half-open' },
    ]);
    // The half-open happened at 3000, before the phase from 4000: it is not counted there.
    expect(figures.phases[0]?.policyEvents).toEqual({ 'breaker-closed': 1, 'breaker-open': 1 });
    expect(figures.phases[0]?.breaker.openTimeMs).toBe(1_000);
  });

  it('stamps each fan-out leg’s half-open on its own wait', () => {
    const recorder = createRecorder({ phases: [], bucketMs: 1_000, primaryBackend: 'a' });
    recorder.policyEvent(0, { type: 'breaker-open', backend: 'b', halfOpenAfterMs: 500 });
    recorder.policyEvent(2_000, { type: 'breaker-half-open', backend: 'b' });
    recorder.policyEvent(2_000, { type: 'breaker-closed', backend: 'b' });
    const b = recorder.figures(3_000).breaker.byBackend?.b;
    expect(b).toEqual({
      opened: 1,
      openTimeMs: 500,
      transitions: [
        { atMs: 0, to: 'open' },
        { atMs: 500, to: 'half-open' },
        { atMs: 2_000, to: 'closed' },
      ],
    });
  });
});

describe('in flight', () => {
  it('is the time-weighted count of requests between their start and end, overall and per phase', () => {
    const recorder = recorderWith();
    // [0,2000) one request; [500,1500) a second; a 0 ms request at 3000; an overload rejection at 3000.
    recorder.requestStarted(0);
    recorder.requestStarted(500);
    recorder.requestEnded(request(500, 1_500));
    recorder.requestEnded(request(0, 2_000));
    recorder.requestStarted(3_000);
    recorder.requestEnded(request(3_000, 3_000));
    recorder.requestEnded({ ...request(3_000, 3_000, 'failed', 'OVERLOAD'), turnedAway: true });
    // One still in flight from 4500 when the run ends at 5000.
    recorder.requestStarted(4_500);
    const figures = recorder.figures(5_000);
    // (2000 + 1000 + 500) request·ms over 5000 ms.
    expect(figures.inFlight).toEqual({ mean: 0.7, max: 2 });
    // warm [0,1000): 1000 + 500; outage [1000,4000): 1000 + 500; recovery [4000,5000): 500.
    expect(phase(recorder, 5_000, 'warm').inFlight).toEqual({ mean: 1.5, max: 2 });
    expect(phase(recorder, 5_000, 'outage').inFlight).toEqual({ mean: 0.5, max: 2 });
    expect(phase(recorder, 5_000, 'recovery').inFlight).toEqual({ mean: 0.5, max: 1 });
  });
});

describe('attempts per request', () => {
  it('counts requests by their backend calls, in numeric order, with an overflow entry', () => {
    const recorder = recorderWith([]);
    for (const attempts of [1, 1, 2, 10, 0, 250, 100]) recorder.requestEnded({ ...request(0, 1), attempts });
    recorder.requestEnded({ ...request(0, 0, 'failed', 'OVERLOAD'), turnedAway: true });
    recorder.requestEnded(request(0, 5, 'failed', 'NO_RESPONSE'));
    const counts = recorder.figures(10).backend.attemptsPerRequest;
    expect(counts).toEqual({ '0': 2, '1': 2, '2': 1, '10': 1, '100+': 2 });
    expect(Object.keys(counts)).toEqual(['0', '1', '2', '10', '100+']);
  });
});

describe('rates over the actual run', () => {
  it('gives a throughput when every request took 0 ms (the span is at least the clock’s 1 ms step)', () => {
    const recorder = recorderWith([]);
    for (let i = 0; i < 5; i++) recorder.requestEnded(request(0, 0));
    expect(recorder.figures(0).throughput).toBe(5_000);
  });

  it('sizes timeline buckets from the run’s actual length, not a configured one', () => {
    const recorder = createRecorder({ phases: [], bucketMs: 100 });
    for (let at = 0; at < 202_000; at += 1_000) recorder.requestEnded(request(at, at + 10));
    const { bucketMs, buckets } = recorder.figures(202_000).timeline;
    expect(buckets.length).toBeGreaterThan(60);
    expect(buckets.length).toBeLessThanOrEqual(120);
    expect(bucketMs * buckets.length).toBeGreaterThanOrEqual(202_000);
    expect(buckets.reduce((sum, b) => sum + b.requests, 0)).toBe(202);
    // A short run keeps fine slices.
    const short = createRecorder({ phases: [], bucketMs: 100 });
    short.requestEnded(request(0, 10));
    expect(short.figures(2_000).timeline).toMatchObject({ bucketMs: 100 });
  });
});

describe('window figures', () => {
  it('derives availability, rates and ratios from known counts', () => {
    const recorder = createRecorder({ phases: [], bucketMs: 1_000 });
    const add = (n: number, kind: OutcomeKind, code?: string) => {
      for (let i = 0; i < n; i++) recorder.requestEnded(request(i * 10, i * 10 + 5, kind, code));
    };
    add(70, 'succeeded');
    add(20, 'fell-back', 'HTTP_503');
    add(6, 'failed', 'HTTP_503');
    add(4, 'failed', 'TIMEOUT');
    for (let i = 0; i < 150; i++) {
      recorder.backendCall(i, 'primary');
      if (i % 3 !== 0) recorder.backendReached(i, 'primary');
    }
    for (let i = 0; i < 30; i++) recorder.policyEvent(i, { type: 'cache-hit' });
    for (let i = 0; i < 10; i++) recorder.policyEvent(i, { type: 'cache-miss' });
    recorder.policyEvent(5, { type: 'cache-coalesced' });
    recorder.policyEvent(6, { type: 'cache-stale' });
    const figures = recorder.figures(10_000);
    expect(figures.requests).toEqual({
      total: 100,
      succeeded: 70,
      fellBack: 20,
      failed: 10,
      failuresByCode: { HTTP_503: 6, TIMEOUT: 4 },
    });
    expect(figures.availability).toBe(0.9);
    expect(figures.throughput).toBe(10);
    expect(figures.backend).toMatchObject({ calls: 150, reached: 100, callsPerRequest: 1.5 });
    expect(figures.cache).toEqual({
      hits: 30,
      misses: 10,
      coalesced: 1,
      lookups: 41,
      hitRatio: 0.75,
      stale: 1,
    });
    expect(figures.latency).toMatchObject({ p50: 5, max: 5, mean: 5 });
  });

  it('reports an empty run as fully available with zero rates', () => {
    const figures = createRecorder({ phases: [], bucketMs: 100 }).figures(1_000);
    expect(figures.requests.total).toBe(0);
    expect(figures.availability).toBe(1);
    expect(figures.throughput).toBe(0);
    expect(figures.backend.callsPerRequest).toBe(0);
    expect(figures.cache.hitRatio).toBe(0);
    expect(figures.breaker).toEqual({ openTimeMs: 0, openRatio: 0, opened: 0, transitions: [] });
  });

  it('rounds ratios to 6 decimals and times to 3', () => {
    const recorder = createRecorder({ phases: [], bucketMs: 100 });
    recorder.requestEnded(request(0, 1.23456, 'succeeded'));
    recorder.requestEnded(request(0, 1, 'failed'));
    recorder.requestEnded(request(0, 1, 'failed'));
    const figures = recorder.figures(3_000);
    expect(figures.availability).toBe(0.333333);
    expect(figures.latency.max).toBe(1.235);
    expect(figures.requests.failuresByCode).toEqual({ UNKNOWN: 2 });
  });
});

/** A seeded stream of everything a run reports, to feed recorders identically. */
function feedRandomRun(recorder: Recorder, seed: number, requests: number): void {
  const rng = createRng(seed);
  const kinds: OutcomeKind[] = ['succeeded', 'fell-back', 'failed'];
  const codes = ['TIMEOUT', 'HTTP_503', 'ECONNRESET', 'BREAKER_OPEN'];
  const events: PolicyEvent[] = [
    { type: 'retry', attempt: 1, delayMs: 5, code: 'HTTP_503' },
    { type: 'timeout' },
  ];
  for (let i = 0; i < requests; i++) {
    const start = rng.next() * 10_000;
    const kind = kinds[rng.int(0, 2)] ?? 'failed';
    recorder.requestEnded(request(start, start + rng.next() * 300, kind, codes[rng.int(0, 3)]));
    const backend = rng.chance(0.5) ? 'b' : 'a';
    recorder.backendCall(start, backend);
    if (rng.chance(0.9)) recorder.backendReached(start, backend);
    if (rng.chance(0.1)) recorder.faultInjected(start, [rng.chance(0.5) ? 'latency' : 'error']);
    if (rng.chance(0.1)) recorder.policyEvent(start, events[rng.int(0, 1)] ?? { type: 'timeout' });
  }
}

describe('honest accounting', () => {
  it('counts every request exactly once: overall, across partitioning phases, and across the timeline', () => {
    const recorder = recorderWith(THREE_PHASES, 250);
    feedRandomRun(recorder, 99, 5_000);
    const figures = recorder.figures(10_000);
    const { total, succeeded, fellBack, failed, failuresByCode } = figures.requests;
    expect(total).toBe(5_000);
    expect(succeeded + fellBack + failed).toBe(total);
    expect(Object.values(failuresByCode).reduce((sum, n) => sum + n, 0)).toBe(failed);
    expect(figures.phases.reduce((sum, p) => sum + p.requests.total, 0)).toBe(total);
    expect(figures.phases.reduce((sum, p) => sum + p.requests.failed, 0)).toBe(failed);
    expect(figures.timeline.buckets.reduce((sum, b) => sum + b.requests, 0)).toBe(total);
    expect(figures.timeline.buckets.reduce((sum, b) => sum + b.backendCalls, 0)).toBe(figures.backend.calls);
    expect(figures.phases.reduce((sum, p) => sum + p.backend.calls, 0)).toBe(figures.backend.calls);
  });
});

describe('determinism', () => {
  it('serializes byte-identically for two recorders fed the same events', () => {
    const [first, second] = [recorderWith(), recorderWith()];
    feedRandomRun(first, 7, 3_000);
    feedRandomRun(second, 7, 3_000);
    expect(JSON.stringify(first.figures(10_000))).toBe(JSON.stringify(second.figures(10_000)));
    // Asking again (a progress report, then the final result) changes nothing.
    expect(JSON.stringify(first.figures(10_000))).toBe(JSON.stringify(second.figures(10_000)));
  });

  it('sorts keyed counts whatever order the keys first appeared in', () => {
    const recorder = recorderWith();
    for (const code of ['TIMEOUT', 'ECONNRESET', 'HTTP_503'])
      recorder.requestEnded(request(0, 1, 'failed', code));
    for (const name of ['zeta', 'alpha']) recorder.backendCall(0, name);
    recorder.faultInjected(0, ['rate-limit', 'error']);
    recorder.policyEvent(0, { type: 'timeout' });
    recorder.policyEvent(0, { type: 'cache-hit' });
    const figures = recorder.figures(1_000);
    expect(Object.keys(figures.requests.failuresByCode)).toEqual(['ECONNRESET', 'HTTP_503', 'TIMEOUT']);
    expect(Object.keys(figures.backend.byBackend)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(figures.faults.injected)).toEqual(['error', 'rate-limit']);
    expect(Object.keys(figures.policyEvents)).toEqual(['cache-hit', 'timeout']);
  });
});

describe('streaming memory', () => {
  it('holds the same structures after 1e6 requests as after 5e4 (latencies in a fixed range)', () => {
    const recorder = recorderWith(THREE_PHASES, 50);
    // Histogram memory follows the largest value (log scale), not the count: show every bucket the top
    // of the range first, so any later growth could only come from the number of requests.
    for (let start = 0; start < 60_000; start += 50) recorder.requestEnded(request(start, start + 5_000));
    const rng = createRng(3);
    const feed = (n: number) => {
      for (let i = 0; i < n; i++) {
        const start = rng.next() * 60_000;
        recorder.requestEnded(request(start, start + 0.1 + rng.next() * 4_999.9, 'succeeded'));
      }
    };
    feed(50_000);
    const early = recorder.footprint();
    feed(950_000);
    expect(recorder.footprint()).toEqual(early);
    expect(early.timelineBuckets).toBeLessThanOrEqual(300);
    expect(recorder.figures(60_000).requests.total).toBe(1_000_000 + 1_200);
  });
});
