import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../plugins/mock-analysis/index.ts';
import { analysisRoute } from '../../src/analysis/router.ts';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { createAttempt } from '../../src/client/attempt.ts';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import { NO_EVENTS } from '../../src/policies/events.ts';
import type { AttemptFn } from '../../src/policies/stack.ts';
import { createRng } from '../../src/rng/rng.ts';
import { buildClient } from '../../src/runner/build-client.ts';
import { parseScenario } from '../../src/scenario/load-scenario.ts';
import { aggregateFallacies, type FanOutMerge } from '../../src/topology/aggregate-fallacies.ts';

const answer = (...fallacies: [string, number?][]) => ({
  fallacies: fallacies.map(([type, confidence]) => ({ type, confidence })),
});
const ANSWERS = [
  { name: 'a', value: answer(['ad-hominem', 0.75], ['bandwagon', 0.5]) },
  { name: 'b', value: answer(['ad-hominem', 0.875]) },
  { name: 'c', value: answer(['straw-man', 0.9375], ['bandwagon', 0.75]) },
];

describe('aggregateFallacies', () => {
  it('union: every type any source reported, at its highest confidence, with who reported it', () => {
    expect(aggregateFallacies('union', ANSWERS)).toEqual([
      { type: 'ad-hominem', confidence: 0.875, sources: ['a', 'b'] },
      { type: 'bandwagon', confidence: 0.75, sources: ['a', 'c'] },
      { type: 'straw-man', confidence: 0.9375, sources: ['c'] },
    ]);
  });

  it('majority: only the types more than half of the answering sources reported, at the mean', () => {
    expect(aggregateFallacies('majority', ANSWERS)).toEqual([
      { type: 'ad-hominem', confidence: 0.8125, sources: ['a', 'b'] },
      { type: 'bandwagon', confidence: 0.625, sources: ['a', 'c'] },
    ]);
    // two of four is not a majority
    const four = [...ANSWERS, { name: 'd', value: answer() }];
    expect(aggregateFallacies('majority', four)).toEqual([]);
  });

  it('highest-confidence: the most confident source’s types (mean confidence), ties to the earliest', () => {
    // b's mean is 0.875, c's (0.9375 + 0.75) / 2 = 0.84375: b wins although c has the single highest
    expect(aggregateFallacies('highest-confidence', ANSWERS)).toEqual([
      { type: 'ad-hominem', confidence: 0.875, sources: ['a', 'b'] },
    ]);
    const sure = [...ANSWERS, { name: 'd', value: answer(['straw-man', 0.96875]) }];
    expect(aggregateFallacies('highest-confidence', sure)).toEqual([
      { type: 'straw-man', confidence: 0.96875, sources: ['c', 'd'] },
    ]);
    const tie = [
      { name: 'x', value: answer(['ad-hominem', 0.75]) },
      { name: 'y', value: answer(['straw-man', 0.75]) },
    ];
    expect(aggregateFallacies('highest-confidence', tie)?.map((f) => f.type)).toEqual(['ad-hominem']);
  });

  it('counts a type once per source, reads a missing confidence as 0, and skips non-analysis answers', () => {
    const answers = [
      { name: 'a', value: { fallacies: [{ rule: 'ad-hominem' }, { type: 'ad-hominem', confidence: 0.5 }] } },
      { name: 'b', value: { status: 'ok' } },
    ];
    expect(aggregateFallacies('union', answers)).toEqual([
      { type: 'ad-hominem', confidence: 0.5, sources: ['a'] },
    ]);
    expect(aggregateFallacies('union', [{ name: 'b', value: { status: 'ok' } }])).toBeUndefined();
  });
});

describe('fan-out with a merge strategy', () => {
  const TEXT = 'You are a liar, so your plan is wrong. Everyone knows that.';
  const request: BackendRequest = { method: 'POST', path: '/api/analyze', body: { text: TEXT } };
  let clock: VirtualClock;
  beforeEach(() => {
    clock = installVirtualClock();
  });
  afterEach(() => {
    clock.uninstall();
  });

  async function mock(seed: number): Promise<AttemptFn> {
    const options = plugin.options.parse({ latency: { type: 'fixed', ms: 30 } });
    const backend = await plugin.create(options, { clock, rng: createRng(seed), baseDir: '.' });
    return createAttempt(backend, clock, createRng(seed));
  }

  async function fanOut(merge: FanOutMerge | undefined) {
    const attempts = new Map<string, AttemptFn>([
      ['a', await mock(1)],
      ['b', await mock(2)],
      ['c', async () => answer(['straw-man', 0.9])],
      ['d', () => Promise.reject(new Error('d is down'))],
    ]);
    const client = buildClient(
      { type: 'fan-out', backends: ['a', 'b', 'c', 'd'], quorum: 2, merge },
      {},
      ['a', 'b', 'c', 'd'],
      (name) => attempts.get(name) as AttemptFn,
      { clock, rng: createRng(1), events: NO_EVENTS },
    );
    const outcome = client.execute(request);
    await clock.drive(outcome);
    return outcome;
  }

  it('answers aggregated_fallacies: the majority of the mock analysers, the odd one out dropped, the failed named', async () => {
    const mockTypes = (
      analysisRoute('POST', '/api/analyze', { text: TEXT }).body as { fallacies: { type: string }[] }
    ).fallacies.map((f) => f.type);
    expect(mockTypes).toContain('ad-hominem');
    const { kind, value } = await fanOut('majority');
    expect(kind).toBe('succeeded');
    const merged = value as {
      aggregated_fallacies: { type: string; sources: string[] }[];
      sources: { answered: string[]; failed: { name: string }[] };
    };
    expect(merged.aggregated_fallacies.map((f) => f.type)).toEqual([...new Set(mockTypes)]);
    for (const f of merged.aggregated_fallacies) expect(f.sources).toEqual(['a', 'b']);
    expect(merged.sources.answered).toEqual(['a', 'b', 'c']);
    expect(merged.sources.failed.map((f) => f.name)).toEqual(['d']);

    const union = (await fanOut('union')).value as typeof merged;
    expect(union.aggregated_fallacies.map((f) => f.type)).toEqual([...new Set(mockTypes), 'straw-man']);
  });

  it('adds no aggregated_fallacies without a merge strategy (the answer is as before)', async () => {
    const { value } = await fanOut(undefined);
    expect(value).not.toHaveProperty('aggregated_fallacies');
  });

  it('is a scenario field bounded to the three strategies', () => {
    const yaml = (merge: string) =>
      [
        'name: x',
        'backends: { a: { plugin: mock-analysis }, b: { plugin: mock-analysis } }',
        `topology: { type: fan-out, backends: [a, b], quorum: 1, merge: ${merge} }`,
        'workload: { model: open, rate: 1, duration: 1s }',
      ].join('\n');
    expect(parseScenario('s.yaml', yaml('highest-confidence')).topology).toMatchObject({
      merge: 'highest-confidence',
    });
    expect(() => parseScenario('s.yaml', yaml('average'))).toThrow(/merge/);
  });
});
