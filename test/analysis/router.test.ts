import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../src/analysis/request-text.ts';
import {
  analysisRoute,
  clearAnalysisMemo,
  MEMO_CAPACITY,
  validateAnalysisResponse,
} from '../../src/analysis/router.ts';
import { ANALYSIS_ENDPOINTS } from '../../src/backend/contract.ts';
import { loadCorpus } from '../../src/workload/corpus/index.ts';

const TEXT_ROUTES = ANALYSIS_ENDPOINTS.filter((route) => route !== '/api/health');
const post = (path: string, body: unknown) => analysisRoute('POST', path, body);
const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

beforeEach(() => clearAnalysisMemo());

describe('analysisRoute: routing and input validation', () => {
  it('answers GET /api/health with { status: "ok" }', () => {
    expect(analysisRoute('GET', '/api/health', undefined)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it.each([
    ['POST', '/api/health'],
    ['GET', '/api/analyze'],
    ['DELETE', '/api/validate'],
  ])('answers %s %s with 405', (method, path) => {
    const reply = analysisRoute(method, path, { text: 'x' });
    expect(reply.status).toBe(405);
    expect(errorCode(reply.body)).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers an unknown route with 404', () => {
    const reply = post('/api/summarise', { text: 'x' });
    expect(reply.status).toBe(404);
    expect(errorCode(reply.body)).toBe('NOT_FOUND');
  });

  it.each([undefined, null, 'It rained.', 42, {}, { text: 7 }, { content: 'It rained.' }])(
    'answers 400 INVALID_BODY to body %j',
    (body) => {
      const reply = post('/api/analyze', body);
      expect(reply.status).toBe(400);
      expect(errorCode(reply.body)).toBe('INVALID_BODY');
    },
  );

  it('answers 400 EMPTY_TEXT to an empty or blank text', () => {
    for (const text of ['', '  \n\t ']) {
      expect(post('/api/reconstruct', { text })).toMatchObject({
        status: 400,
        body: { error: { code: 'EMPTY_TEXT' } },
      });
    }
  });

  it('accepts a text of exactly the limit and answers 413 one character over it', () => {
    const atLimit = 'It rained. '.repeat(MAX_TEXT_LENGTH).slice(0, MAX_TEXT_LENGTH);
    expect(MAX_TEXT_LENGTH).toBe(20_000);
    expect(post('/api/detect-fallacies', { text: atLimit }).status).toBe(200);
    const over = post('/api/detect-fallacies', { text: `${atLimit}x` });
    expect(over.status).toBe(413);
    expect(errorCode(over.body)).toBe('TEXT_TOO_LONG');
  });

  it('ignores a query string and the case of the method', () => {
    expect(analysisRoute('post', '/api/validate?lang=en', { text: 'It rained.' }).status).toBe(200);
  });
});

describe('analysisRoute: answers', () => {
  const text = 'You are a liar, so your plan will fail.';

  it('returns bodies with a fixed key order per route', () => {
    const keys = (path: string) => Object.keys(post(path, { text }).body as object);
    expect(keys('/api/analyze')).toEqual([
      'language',
      'sentenceCount',
      'wordCount',
      'fallacies',
      'argument',
      'assessment',
      'sentiment',
      'complexity',
    ]);
    expect(keys('/api/detect-fallacies')).toEqual(['language', 'count', 'fallacies']);
    expect(keys('/api/reconstruct')).toEqual(['language', 'method', 'premises', 'conclusion']);
    expect(keys('/api/validate')).toEqual(['language', 'verdict', 'score', 'reasons', 'fallacyCount']);
    expect(keys('/api/logic-graph')).toEqual(['language', 'nodes', 'edges']);
  });

  it('counts sentences and words of the input', () => {
    expect(post('/api/analyze', { text: 'One two three. Four five!' }).body).toMatchObject({
      sentenceCount: 2,
      wordCount: 5,
    });
  });

  it('changes its answer when the text changes', () => {
    const fallacious = post('/api/validate', { text }).body;
    const sound = post('/api/validate', { text: 'The plan is underfunded, so it will fail.' }).body;
    expect(fallacious).toMatchObject({ verdict: 'fallacious', fallacyCount: 1 });
    expect(sound).toMatchObject({ verdict: 'valid', fallacyCount: 0 });
  });

  it('is deterministic: the same text gives byte-identical JSON, cached or freshly computed', () => {
    for (const route of TEXT_ROUTES) {
      const first = JSON.stringify(post(route, { text }));
      expect(JSON.stringify(post(route, { text }))).toBe(first);
      clearAnalysisMemo();
      expect(JSON.stringify(post(route, { text }))).toBe(first);
    }
  });

  it('shares one frozen body between calls with the same text', () => {
    const first = post('/api/analyze', { text });
    expect(post('/api/analyze', { text: String(text) }).body).toBe(first.body);
    expect(Object.isFrozen(first.body)).toBe(true);
    expect(Object.isFrozen((first.body as { fallacies: object[] }).fallacies[0])).toBe(true);
  });

  it('remembers at most MEMO_CAPACITY texts, forgetting the least recently used', () => {
    const first = post('/api/analyze', { text: 'Text number 0.' }).body;
    for (let i = 1; i <= MEMO_CAPACITY; i++) post('/api/analyze', { text: `Text number ${i}.` });
    const again = post('/api/analyze', { text: 'Text number 0.' }).body;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('answers every corpus text on every route with a body of the promised shape', () => {
    for (const { text: corpusText } of loadCorpus('any')) {
      for (const route of TEXT_ROUTES) {
        const reply = post(route, { text: corpusText });
        expect(reply.status).toBe(200);
        expect(validateAnalysisResponse(route, reply.body)).toBeUndefined();
      }
    }
  });
});
