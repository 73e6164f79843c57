import { getEventListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import { NO_EVENTS } from '../../src/policies/events.ts';
import { INERT_SIGNAL } from '../../src/policies/inert-signal.ts';
import { policiesSchema } from '../../src/policies/schema.ts';
import type { AttemptFn } from '../../src/policies/stack.ts';
import { createRng } from '../../src/rng/rng.ts';

describe('INERT_SIGNAL', () => {
  it('is never aborted and keeps none of the listeners added to it', () => {
    const listener = () => {};
    INERT_SIGNAL.addEventListener('abort', listener);
    INERT_SIGNAL.onabort = listener;
    expect(getEventListeners(INERT_SIGNAL, 'abort')).toHaveLength(0);
    expect(INERT_SIGNAL.onabort).toBeNull();
    expect(INERT_SIGNAL.aborted).toBe(false);
    INERT_SIGNAL.removeEventListener('abort', listener);
  });

  it('works as a source of AbortSignal.any and with Node APIs that listen to a signal', async () => {
    const other = new AbortController();
    const derived = AbortSignal.any([INERT_SIGNAL, other.signal]);
    other.abort(new Error('stop'));
    expect(derived.aborted).toBe(true);
    await expect(sleep(1, 'done', { signal: INERT_SIGNAL })).resolves.toBe('done');
  });
});

describe('a stack without a timeout or hedge', () => {
  it('hands every call the inert signal, so calls in flight leave no listener anywhere', async () => {
    const seen = new Set<AbortSignal>();
    const attempt: AttemptFn = async (_request, signal) => {
      seen.add(signal);
      signal.addEventListener('abort', () => {});
      return 'ok';
    };
    const deps = { clock: createRealClock(), rng: createRng(1), events: NO_EVENTS };
    const config = policiesSchema.parse({
      retry: { maxAttempts: 2 },
      breaker: { halfOpenAfter: '1s', strategy: { type: 'consecutive', threshold: 5 } },
    });
    for (const policies of [{}, { retry: config.retry }, config]) {
      const stack = buildPolicyStack(policies, attempt, deps);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () => stack.execute({ method: 'GET', path: '/x' })),
      );
      expect(outcomes.every((outcome) => outcome.kind === 'succeeded' && outcome.value === 'ok')).toBe(true);
    }
    expect([...seen]).toEqual([INERT_SIGNAL]);
    expect(getEventListeners(INERT_SIGNAL, 'abort')).toHaveLength(0);
  });
});
