import { afterEach, beforeEach } from 'vitest';
import type { Clock } from '../clock/clock.ts';
import { installVirtualClock, type VirtualClock } from '../clock/virtual-clock.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { InterceptorKind } from '../interceptors/active-interceptor.ts';
import type { ChaosFaults } from '../interceptors/chaos-source.ts';
import type { ChaosStats } from '../interceptors/chaos-stats.ts';
import { DEFAULT_BASE_URL } from '../interceptors/defaults.ts';
import {
  type InstallChaosOptions,
  type InstalledChaos,
  installChaos,
} from '../interceptors/install-chaos.ts';

export interface UseChaosOptions extends Omit<InstallChaosOptions, 'clock'> {
  /** Which library intercepts; default msw. Use nock for node:http clients that need real error codes. */
  readonly interceptor?: InterceptorKind;
  /**
   * Runs each test on a virtual clock (timers, Date and performance faked), so delays, outages and the
   * client's own backoff take no real time. Drive the test's work with `run(promise)` or `advance(ms)`.
   */
  readonly virtualTime?: boolean;
}

/** Live view of the chaos around the current test. */
export interface ChaosHandle {
  /** Exchanges per route and faults by kind so far in this test (the last test's after it ended). */
  readonly stats: ChaosStats;
  readonly baseUrl: string;
  /** The clock delays and phases run on: virtual with `virtualTime`, else real. */
  readonly clock: Clock;
  /** Moves virtual time forward by `ms`, firing what falls due (virtualTime only). */
  advance(ms: number): Promise<void>;
  /**
   * Waits for `work`, moving virtual time as far as it needs (virtualTime), so a five-minute outage with
   * its retries and backoff settles in milliseconds. Fails if the work waits on something that never comes.
   */
  run<T>(work: Promise<T>): Promise<T>;
}

interface Installed {
  readonly chaos: InstalledChaos;
  readonly virtual: VirtualClock | undefined;
}

/**
 * Puts chaos around every test of the enclosing suite: before each test msw (or nock) is installed to
 * answer `baseUrl` under the faults, after it everything is removed, and a test whose client sent a
 * request no route matched fails (that request was refused, never sent to the network).
 */
export function useChaos(faults: ChaosFaults, options: UseChaosOptions = {}): ChaosHandle {
  let current: Installed | undefined;
  let lastStats: ChaosStats | undefined;

  beforeEach(async () => {
    const virtual = options.virtualTime ? installVirtualClock() : undefined;
    try {
      const chaos = await installChaos(options.interceptor ?? 'msw', faults, { ...options, clock: virtual });
      current = { chaos, virtual };
      lastStats = chaos.stats;
    } catch (error) {
      virtual?.uninstall();
      throw error;
    }
  });

  afterEach(async () => {
    const installed = current;
    current = undefined;
    if (!installed) return;
    try {
      await installed.chaos.uninstall();
    } finally {
      installed.virtual?.uninstall();
    }
    const { unhandled } = installed.chaos.stats;
    if (unhandled.length > 0) {
      throw new FaultlineError(
        'UNHANDLED_REQUEST',
        `${unhandled.length} request(s) matched no chaos route and were refused instead of reaching the network: ${unhandled.join(', ')}. Point the client at ${installed.chaos.baseUrl} or add the path to \`routes\`.`,
      );
    }
  });

  const active = (what: string): Installed => {
    if (!current) {
      throw new FaultlineError('CHAOS_NOT_ACTIVE', `useChaos: ${what} is only available inside a test.`);
    }
    return current;
  };
  const virtualClock = (what: string): VirtualClock => {
    const { virtual } = active(what);
    if (!virtual) {
      throw new FaultlineError('CHAOS_NOT_VIRTUAL', `useChaos: ${what} needs { virtualTime: true }.`);
    }
    return virtual;
  };

  return {
    get stats() {
      const stats = current?.chaos.stats ?? lastStats;
      if (!stats)
        throw new FaultlineError('CHAOS_NOT_ACTIVE', 'useChaos: stats exist once a test has started.');
      return stats;
    },
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    get clock() {
      return active('clock').chaos.clock;
    },
    advance: async (ms) => virtualClock('advance()').advance(ms),
    async run(work) {
      const { virtual } = active('run()');
      if (!virtual) return work;
      const state = await virtual.drive(work);
      if (state === 'stalled') {
        throw new FaultlineError(
          'CHAOS_WORK_STUCK',
          'useChaos run(): virtual time stopped moving: timers keep firing at one instant (a retry loop with no delay?). Give the loop a delay.',
        );
      }
      if (state !== 'settled') {
        throw new FaultlineError(
          'CHAOS_WORK_STUCK',
          'useChaos run(): the work never finished: it waits on something no timer will bring (a hung request with no timeout?).',
        );
      }
      return work;
    },
  };
}
