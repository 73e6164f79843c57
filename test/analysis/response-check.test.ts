import { describe, expect, it } from 'vitest';
import { analysisRoute, validateAnalysisResponse } from '../../src/analysis/router.ts';

/** A mutable deep copy of a real answer, to damage in one place. */
function answer(path: string): Record<string, unknown> {
  const text = 'He is a liar, so his plan is bad.';
  return structuredClone(analysisRoute('POST', path, { text }).body) as Record<string, unknown>;
}

describe('validateAnalysisResponse', () => {
  it('accepts real answers, frozen or copied', () => {
    expect(validateAnalysisResponse('/api/health', { status: 'ok' })).toBeUndefined();
    expect(validateAnalysisResponse('/api/analyze', answer('/api/analyze'))).toBeUndefined();
  });

  it('names the missing field', () => {
    const body = answer('/api/detect-fallacies');
    delete body.fallacies;
    expect(validateAnalysisResponse('/api/detect-fallacies', body)).toMatch(/^fallacies: /);
  });

  it('names the path of a nested field of the wrong type', () => {
    const body = answer('/api/analyze') as { fallacies: Array<Record<string, unknown>> };
    const [first] = body.fallacies;
    if (first) first.start = '3';
    expect(validateAnalysisResponse('/api/analyze', body)).toMatch(/^fallacies\.0\.start: /);
  });

  it('rejects a body that is not an object, and a health body that is not ok', () => {
    expect(validateAnalysisResponse('/api/validate', '{"verdict":')).toBeTypeOf('string');
    expect(validateAnalysisResponse('/api/validate', null)).toBeTypeOf('string');
    expect(validateAnalysisResponse('/api/health', { status: 'down' })).toMatch(/^status: /);
  });

  it('rejects a score outside [0, 1] and an unknown verdict', () => {
    expect(validateAnalysisResponse('/api/validate', { ...answer('/api/validate'), score: 1.5 })).toMatch(
      /^score: /,
    );
    expect(
      validateAnalysisResponse('/api/validate', { ...answer('/api/validate'), verdict: 'maybe' }),
    ).toMatch(/^verdict: /);
  });

  it('accepts extra fields, so a newer server is not reported malformed', () => {
    expect(
      validateAnalysisResponse('/api/logic-graph', { ...answer('/api/logic-graph'), version: 2 }),
    ).toBeUndefined();
  });

  it('checks the route named by the path without its query, and nothing outside the API', () => {
    expect(validateAnalysisResponse('/api/reconstruct?x=1', { nope: true })).toBeTypeOf('string');
    expect(validateAnalysisResponse('/other', { nope: true })).toBeUndefined();
  });
});
