import { describe, expect, it } from 'vitest';
import { createRecorder } from '../../src/metrics/streaming-recorder.ts';
import { buildResult, type ResultInput } from '../../src/report/build-result.ts';
import type { HypothesisResult } from '../../src/report/result.ts';
import { serializeResult } from '../../src/report/serialize.ts';

const ENVIRONMENT = {
  startedAt: '2026-01-01T00:00:00.000Z',
  wallMs: 12,
  node: 'v20',
  platform: 'linux-x64',
  faultline: '0.1.0',
};

function figures() {
  const recorder = createRecorder({
    phases: [{ name: 'outage', fromMs: 1_000, toMs: 2_000 }],
    bucketMs: 500,
  });
  recorder.requestEnded({ startedAtMs: 10, endedAtMs: 30, kind: 'succeeded' });
  recorder.requestEnded({ startedAtMs: 1_200, endedAtMs: 1_300, kind: 'failed', code: 'HTTP_503' });
  recorder.backendCall(1_200, 'primary');
  recorder.backendReached(1_200, 'primary');
  recorder.policyEvent(1_250, { type: 'breaker-open' });
  recorder.faultInjected(1_200, ['error']);
  return recorder.figures(3_000);
}

const hypothesis = (pass: boolean): HypothesisResult => ({
  name: 'availability >= 0.9',
  metric: 'availability',
  op: '>=',
  value: 0.9,
  actual: pass ? 1 : 0.5,
  pass,
});

const input = (overrides: Partial<ResultInput> = {}): ResultInput => ({
  scenario: { name: 'outage-drill' },
  seed: 42,
  mode: 'simulated',
  durationMs: 3_000,
  complete: true,
  figures: figures(),
  hypotheses: [hypothesis(true)],
  environment: ENVIRONMENT,
  ...overrides,
});

describe('buildResult', () => {
  it('passes only when the run completed and every hypothesis held', () => {
    expect(buildResult(input()).verdict).toBe('pass');
    expect(buildResult(input({ hypotheses: [] })).verdict).toBe('pass');
    expect(buildResult(input({ hypotheses: [hypothesis(true), hypothesis(false)] })).verdict).toBe('fail');
    expect(buildResult(input({ complete: false })).verdict).toBe('fail');
  });

  it('fixes the key order: schemaVersion first, environment last', () => {
    expect(Object.keys(buildResult(input()))).toEqual([
      'schemaVersion',
      'complete',
      'scenario',
      'seed',
      'mode',
      'verdict',
      'durationMs',
      'requests',
      'availability',
      'latency',
      'inFlight',
      'throughput',
      'backend',
      'cache',
      'breaker',
      'faults',
      'policyEvents',
      'phases',
      'timeline',
      'hypotheses',
      'environment',
    ]);
  });

  it('carries the figures and identity through, leaving out absent optional fields', () => {
    const result = buildResult(
      input({ scenario: { name: 's', description: undefined, file: 'scenarios/s.yaml' } }),
    );
    expect(result.schemaVersion).toBe(3);
    expect(result.scenario).toEqual({ name: 's', file: 'scenarios/s.yaml' });
    expect(Object.keys(result.scenario)).toEqual(['name', 'file']);
    expect(result.requests).toMatchObject({ total: 2, failed: 1, failuresByCode: { HTTP_503: 1 } });
    expect(result.breaker).toMatchObject({
      opened: 1,
      openTimeMs: 1_750,
      transitions: [{ atMs: 1_250, to: 'open' }],
    });
    expect(result.phases[0]).toMatchObject({ name: 'outage', fromMs: 1_000, toMs: 2_000 });
    expect(result.faults.injected).toEqual({ error: 1 });
    expect(result.hypotheses).toEqual([hypothesis(true)]);
  });
});

describe('serializeResult', () => {
  it('writes 2-space JSON with a trailing newline that parses back to the result', () => {
    const result = buildResult(input());
    const text = serializeResult(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 3,');
    expect(JSON.parse(text)).toEqual(result);
  });

  it('is byte-identical for equal runs', () => {
    expect(serializeResult(buildResult(input()))).toBe(serializeResult(buildResult(input())));
  });
});
