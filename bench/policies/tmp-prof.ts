import { installVirtualClock } from '../../src/clock/virtual-clock.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import { NO_EVENTS } from '../../src/policies/events.ts';
import type { PoliciesConfig } from '../../src/policies/schema.ts';
import { createRng } from '../../src/rng/rng.ts';

const clock = installVirtualClock();
const attempt = async (_r: unknown, signal: AbortSignal) => {
  await clock.sleep(20, signal);
  return 'ok';
};
const configs: Record<string, PoliciesConfig> = {
  none: {},
  retry: {
    retry: {
      maxAttempts: 3,
      backoff: { type: 'constant', delay: 10 },
      retryOn: ['5xx'],
      honorRetryAfter: true,
      maxRetryAfter: 1000,
    },
  },
  breaker: {
    breaker: { halfOpenAfter: 1000, strategy: { type: 'consecutive', threshold: 5 }, failOn: ['5xx'] },
  },
  timeout: { timeout: { after: 1000, strategy: 'aggressive' } },
  bulkhead: { bulkhead: { limit: 1000, queue: 100 } },
};
configs.all = Object.assign({}, ...Object.values(configs));
for (const [name, config] of Object.entries(configs)) {
  const s = buildPolicyStack(config, attempt, { clock, rng: createRng(1), events: NO_EVENTS });
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 100_000; i += 500) {
      const b = [];
      for (let j = 0; j < 500; j++) b.push(s.execute({ method: 'GET', path: '/x' }));
      await clock.drive(Promise.all(b));
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / 100_000);
  }
  console.log(name.padEnd(10), best.toFixed(2));
}
