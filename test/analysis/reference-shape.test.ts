import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../plugins/mock-analysis/index.ts';
import { validateAnalysisResponse } from '../../src/analysis/response-check.ts';
import { analysisRoute } from '../../src/analysis/router.ts';
import { complexityOf, sentimentOf } from '../../src/analysis/sentiment.ts';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { createAttempt } from '../../src/client/attempt.ts';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import { NO_EVENTS } from '../../src/policies/events.ts';
import { createRng } from '../../src/rng/rng.ts';
import { buildClient } from '../../src/runner/build-client.ts';

const FALLACIOUS = 'You are a liar, so your plan is wrong. Everyone knows that.';
const analyze = (text: string): BackendRequest => ({ method: 'POST', path: '/api/analyze', body: { text } });

let clock: VirtualClock;
beforeEach(() => {
  clock = installVirtualClock();
});
afterEach(() => {
  clock.uninstall();
});

async function mockAttempt(seed: number) {
  const backend = await plugin.create(plugin.options.parse({ latency: { type: 'fixed', ms: 30 } }), {
    clock,
    rng: createRng(seed),
    baseDir: '.',
  });
  return createAttempt(backend, clock, createRng(seed));
}

interface ReferenceFallacy {
  type: string;
  confidence: number;
}

/** The reference integration's own checks on its mock backend's answer. */
function expectReferenceShape(result: Record<string, unknown>): void {
  expect('fallacies' in result).toBe(true);
  expect(['positive', 'negative', 'neutral']).toContain(result.sentiment);
  expect(['low', 'medium', 'high']).toContain(result.complexity);
  for (const fallacy of result.fallacies as ReferenceFallacy[]) {
    expect(typeof fallacy.type).toBe('string');
    expect(fallacy.confidence).toBeGreaterThan(0);
    expect(fallacy.confidence).toBeLessThanOrEqual(1);
  }
}

describe('mock-analysis answers the reference shape', () => {
  it('test_mock_backend_analyze: fallacies with type and confidence, sentiment, complexity', async () => {
    const attempt = await mockAttempt(1);
    const call = attempt(analyze(FALLACIOUS), new AbortController().signal);
    await clock.drive(call);
    const result = (await call) as Record<string, unknown>;
    expectReferenceShape(result);
    const types = (result.fallacies as ReferenceFallacy[]).map((f) => f.type);
    expect(types).toContain('ad-hominem');
    expect(result.sentiment).toBe('negative');
  });

  it('test_distributed_analysis: a fan-out over three analysers merges their answers', async () => {
    const attempts = new Map([
      ['a', await mockAttempt(1)],
      ['b', await mockAttempt(2)],
      ['c', await mockAttempt(3)],
    ]);
    const client = buildClient(
      { type: 'fan-out', backends: ['a', 'b', 'c'], quorum: 2 },
      {},
      ['a', 'b', 'c'],
      (name) => attempts.get(name) ?? (() => Promise.reject(new Error(name))),
      { clock, rng: createRng(1), events: NO_EVENTS },
    );
    const outcome = client.execute(analyze(FALLACIOUS));
    await clock.drive(outcome);
    const { kind, value } = await outcome;
    expect(kind).toBe('succeeded');
    const merged = value as Record<string, unknown> & { sources: { answered: string[] } };
    expectReferenceShape(merged);
    expect(merged.sources.answered).toEqual(['a', 'b', 'c']);
  });

  it('keeps the older shape valid: a body without the new fields is not malformed', () => {
    const body = analysisRoute('POST', '/api/analyze', { text: FALLACIOUS }).body as Record<string, unknown>;
    expect(validateAnalysisResponse('/api/analyze', body)).toBeUndefined();
    const { sentiment: _s, complexity: _c, ...older } = body;
    const olderFallacies = (older.fallacies as Record<string, unknown>[]).map(
      ({ type: _t, confidence: _k, ...rest }) => rest,
    );
    expect(validateAnalysisResponse('/api/analyze', { ...older, fallacies: olderFallacies })).toBeUndefined();
    expect(validateAnalysisResponse('/api/analyze', { ...body, sentiment: 'furious' })).toBeDefined();
  });
});

describe('the transparent rules behind the new fields', () => {
  it('sentiment: positive minus negative lexicon words, in English and French', () => {
    expect(sentimentOf('This is a great and safe plan.', 'en')).toBe('positive');
    expect(sentimentOf('This is a terrible, dangerous plan.', 'en')).toBe('negative');
    expect(sentimentOf('The plan starts on Monday.', 'en')).toBe('neutral');
    expect(sentimentOf('Good but bad.', 'en')).toBe('neutral');
    expect(sentimentOf('Ce plan est un désastre.', 'fr')).toBe('negative');
    expect(sentimentOf('Ce plan est excellent.', 'fr')).toBe('positive');
  });

  it('complexity: mean words per sentence plus five per extra premise', () => {
    expect(complexityOf(10, 2, 1)).toBe('low');
    expect(complexityOf(11, 1, 1)).toBe('low');
    expect(complexityOf(12, 1, 1)).toBe('medium');
    expect(complexityOf(12, 1, 3)).toBe('high');
    expect(complexityOf(40, 1, 0)).toBe('high');
  });

  it('confidence: 1 − 0.5^(cues + 1), so a finding on one cue has 0.75', () => {
    const body = analysisRoute('POST', '/api/detect-fallacies', { text: 'You are a liar.' }).body as {
      fallacies: ReferenceFallacy[];
    };
    expect(body.fallacies).toHaveLength(1);
    expect(body.fallacies[0]).toMatchObject({ type: 'ad-hominem', confidence: 0.75 });
  });
});
