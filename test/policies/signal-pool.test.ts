import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { POOLING_SEES_DERIVED_SIGNALS, SignalPool } from '../../src/policies/signal-pool.ts';

describe('SignalPool', () => {
  it('hands back a controller whose signal is as good as new', () => {
    const pool = new SignalPool();
    const first = pool.acquire();
    const listener = () => {};
    first.signal.addEventListener('abort', listener);
    first.signal.removeEventListener('abort', listener);
    pool.release(first);
    expect(pool.acquire()).toBe(first);
  });

  it('never reuses an aborted signal', () => {
    const pool = new SignalPool();
    const first = pool.acquire();
    first.abort();
    pool.release(first);
    const next = pool.acquire();
    expect(next).not.toBe(first);
    expect(next.signal.aborted).toBe(false);
  });

  it('never reuses a signal someone still listens to', () => {
    const pool = new SignalPool();
    const first = pool.acquire();
    first.signal.addEventListener('abort', () => {});
    pool.release(first);
    expect(pool.acquire()).not.toBe(first);
    const second = pool.acquire();
    second.signal.onabort = () => {};
    pool.release(second);
    expect(pool.acquire()).not.toBe(second);
  });
});

describe('SignalPool and AbortSignal.any', () => {
  it('can see derived signals on this Node, so it pools at all', () => {
    expect(POOLING_SEES_DERIVED_SIGNALS).toBe(true);
  });

  it('never reuses a signal a derived signal (AbortSignal.any) still depends on', () => {
    const pool = new SignalPool();
    const first = pool.acquire();
    const derived = AbortSignal.any([first.signal]);
    // A derived signal registers no listener: the listener check alone would reuse the controller.
    expect(getEventListeners(first.signal, 'abort')).toHaveLength(0);
    pool.release(first);
    const next = pool.acquire();
    expect(next).not.toBe(first);
    next.abort();
    expect(derived.aborted).toBe(false);
  });
});
