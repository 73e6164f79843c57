import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import {
  type InstallChaosOptions,
  type InstalledChaos,
  installChaos,
} from '../../src/interceptors/install-chaos.ts';
import { isNockActive, loadNock } from '../../src/interceptors/nock/load-nock.ts';
import analyseWithFetch from '../fixtures/clients/fetch-client.ts';

const FIXED_50MS = { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 50 } } };
const ANALYZE = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'It rains, so the street is wet.' },
} as const;

let installed: InstalledChaos[] = [];
let clock: VirtualClock | undefined;

afterEach(async () => {
  for (const chaos of installed.reverse()) await chaos.uninstall();
  installed = [];
  clock?.uninstall();
  clock = undefined;
});

async function install(kind: 'msw' | 'nock', options: InstallChaosOptions = {}): Promise<InstalledChaos> {
  const chaos = await installChaos(kind, [], { backend: FIXED_50MS, ...options });
  installed.push(chaos);
  return chaos;
}

async function uninstall(chaos: InstalledChaos): Promise<void> {
  installed = installed.filter((other) => other !== chaos);
  await chaos.uninstall();
}

const call = (chaos: InstalledChaos, path: string = ANALYZE.path) =>
  analyseWithFetch({ ...ANALYZE, path }, { signal: new AbortController().signal, baseUrl: chaos.baseUrl });

describe('nock pitfalls', () => {
  it('is off once faultline loaded it, on only while installed, and off again after', async () => {
    expect(isNockActive()).toBe(false);
    const nock = loadNock();
    expect(nock.isActive()).toBe(false);
    const chaos = await install('nock');
    expect(nock.isActive()).toBe(true);
    await expect(call(chaos)).resolves.toHaveProperty('language');
    await uninstall(chaos);
    expect(nock.isActive()).toBe(false);
    expect(nock.activeMocks()).toEqual([]);
  });

  it('follows the virtual clock: a reply takes no simulated time, and nock still works on real time after', async () => {
    loadNock(); // loaded while real timers are in place, as when a test imports nock first
    clock = installVirtualClock();
    const chaos = await install('nock', { clock });
    const answered = call(chaos).then(() => clock?.now());
    await clock.drive(answered);
    // The backend's 50 ms and nothing more: nock's setTimeout(0) would add 1 ms here, and a real timer
    // would let virtual time run away while the reply waits.
    expect(await answered).toBe(50);
    await uninstall(chaos);
    clock.uninstall();
    clock = undefined;
    const real = await install('nock', {
      backend: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 0 } } },
    });
    await expect(call(real)).resolves.toHaveProperty('language');
  });

  it('refuses to run with NOCK_OFF=true, which would let requests reach the network', async () => {
    process.env.NOCK_OFF = 'true';
    try {
      await expect(install('nock')).rejects.toMatchObject({ code: 'NOCK_OFF' });
    } finally {
      delete process.env.NOCK_OFF;
    }
    await install('msw');
  });
});

describe('one interceptor per process', () => {
  it.each([
    ['msw', 'nock'],
    ['nock', 'msw'],
  ] as const)(
    'refuses %s while faultline %s is installed, then allows it once that is gone',
    async (second, first) => {
      const chaos = await install(first);
      await expect(install(second)).rejects.toMatchObject({ code: 'INTERCEPTORS_CONFLICT' });
      await expect(call(chaos)).resolves.toHaveProperty('language');
      await uninstall(chaos);
      const next = await install(second);
      await expect(call(next)).resolves.toHaveProperty('language');
    },
  );

  it.each(['msw', 'nock'] as const)('refuses to install %s twice', async (kind) => {
    await install(kind);
    await expect(install(kind)).rejects.toMatchObject({ code: 'INTERCEPTOR_ALREADY_INSTALLED' });
  });

  it("refuses msw while the test's own nock is active (nock activates itself on import)", async () => {
    const nock = createRequire(import.meta.url)('nock') as ReturnType<typeof loadNock>;
    nock.activate();
    try {
      await expect(install('msw')).rejects.toThrow(/nock\.restore\(\)/);
    } finally {
      nock.restore();
    }
    await install('msw');
  });
});

describe.each(['msw', 'nock'] as const)('requests %s has no route for', (kind) => {
  it('are refused, never sent, and recorded as unhandled', async () => {
    const chaos = await install(kind);
    await expect(call(chaos, '/api/unknown')).rejects.toThrow();
    await expect(fetch('http://example.invalid/x')).rejects.toThrow();
    expect(chaos.stats.unhandled).toHaveLength(2);
    expect(chaos.stats.unhandled[0]).toMatch(/^POST http:\/\/analysis\.faultline\.test(:80)?\/api\/unknown$/);
    expect(chaos.stats.unhandled[1]).toMatch(/^GET http:\/\/example\.invalid(:80)?\/x$/);
    expect(chaos.stats.calls).toBe(0);
  });

  it('include the routes outside the base URL’s path', async () => {
    const chaos = await install(kind, { baseUrl: 'http://api.example.test/v1' });
    await expect(fetch('http://api.example.test/api/health')).rejects.toThrow();
    await expect(fetch('http://api.example.test/v1x/api/health')).rejects.toThrow();
    expect((await fetch('http://api.example.test/v1/api/health')).status).toBe(200);
    expect(chaos.stats.unhandled).toHaveLength(2);
    expect(chaos.stats.callsByRoute).toEqual({ '/api/health': 1 });
  });
});
