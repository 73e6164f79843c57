/**
 * Cost of a call through faultline's interceptors, side by side in one run: the in-process chaos layer,
 * raw msw and raw nock (the library alone, one trivial handler), and faultline's msw and nock adapters
 * (installMswChaos / installNockChaos, and the msw / nock backend plugins as the runner calls them). Every
 * row answers the same JSON body to the same sequential fetch POST (the example client
 * test/fixtures/clients/fetch-client.ts), on the real clock, without faults,
 * so the ratios are what faultline adds to the library it wraps (target: ≥ 0.9×). Best of five rounds
 * per row, rows interleaved, since a busy machine only ever slows a round down.
 * Run: npx tsx bench/interception.ts [--time ms]
 */
import { resolve } from 'node:path';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { Bench } from 'tinybench';
import mswPlugin from '../plugins/msw/index.ts';
import nockPlugin from '../plugins/nock/index.ts';
import type { Backend, BackendRequest, CallContext } from '../src/backend/contract.ts';
import { createAttempt } from '../src/client/attempt.ts';
import { createRealClock } from '../src/clock/real-clock.ts';
import { withChaos } from '../src/faults/chaos-backend.ts';
import { createFaultPlan } from '../src/faults/create-fault-plan.ts';
import type { ClientFunction } from '../src/interceptors/client/load-client.ts';
import { DEFAULT_BASE_URL } from '../src/interceptors/defaults.ts';
import { installChaos } from '../src/interceptors/install-chaos.ts';
import { loadNock } from '../src/interceptors/nock/load-nock.ts';
import { createRng } from '../src/rng/rng.ts';

const args = process.argv.slice(2);
const timeArg = args.indexOf('--time');
const TIME_MS = timeArg >= 0 ? Number(args[timeArg + 1]) : 600;
const ROUNDS = 5;

const BODY = Object.freeze({ language: 'en', sentenceCount: 1, fallacies: [] });
const REQUEST: BackendRequest = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'It rains, so the street is wet.' },
};
const URL_ = `${DEFAULT_BASE_URL}${REQUEST.path}`;
const CLIENT = resolve('test/fixtures/clients/fetch-client.ts');
const { default: analyse } = (await import(CLIENT)) as { default: ClientFunction };
const clock = createRealClock();
const rng = createRng(1);
const signal = new AbortController().signal;

/** Answers at once: the rows measure the interception, not a backend. */
const trivialBackend: Backend = {
  name: 'trivial',
  call: async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: BODY }),
};

/** The client every HTTP row uses, the plugin rows included: a plain fetch POST with its own signal. */
const post = () => analyse(REQUEST, { signal: new AbortController().signal, baseUrl: DEFAULT_BASE_URL });

interface Row {
  readonly name: string;
  readonly setup: () => Promise<() => Promise<unknown>>;
  readonly teardown: () => Promise<void> | void;
  /** Name of the raw-library row this adapter row is compared with. */
  readonly versus?: string;
}

function rawMsw(): Row {
  const server = setupServer(http.post(URL_, () => HttpResponse.json(BODY)));
  return {
    name: 'raw msw',
    setup: async () => {
      server.listen({ onUnhandledRequest: 'error' });
      return post;
    },
    teardown: () => server.close(),
  };
}

function rawNock(): Row {
  const nock = loadNock();
  return {
    name: 'raw nock',
    setup: async () => {
      nock.activate();
      nock(DEFAULT_BASE_URL).persist().post(REQUEST.path).reply(200, BODY);
      return post;
    },
    teardown: () => {
      nock.cleanAll();
      nock.restore();
    },
  };
}

function adapter(kind: 'msw' | 'nock'): Row {
  let uninstall: () => Promise<void> = async () => {};
  return {
    name: `faultline ${kind} (install${kind === 'msw' ? 'Msw' : 'Nock'}Chaos)`,
    versus: `raw ${kind}`,
    setup: async () => {
      const chaos = await installChaos(kind, [], { backend: trivialBackend, clock });
      uninstall = chaos.uninstall;
      return post;
    },
    teardown: () => uninstall(),
  };
}

/** The backend plugin as the runner calls it: the user's client (here the same fetch) inside a call scope. */
function plugin(kind: 'msw' | 'nock'): Row {
  let backend: Backend | undefined;
  const ctx: CallContext = { signal, clock, rng };
  return {
    name: `faultline ${kind} plugin (runner call)`,
    versus: `raw ${kind}`,
    setup: async () => {
      const definition = kind === 'msw' ? mswPlugin : nockPlugin;
      const options = definition.options.parse({
        client: CLIENT,
        backend: { plugin: resolve('bench/interception-backend.ts') },
      });
      const created = await definition.create(options, {
        clock,
        rng,
        baseDir: process.cwd(),
        faultPlan: createFaultPlan([]),
      });
      backend = created;
      return () => created.call(REQUEST, ctx);
    },
    teardown: async () => backend?.close?.(),
  };
}

function inProcess(): Row {
  const attempt = createAttempt(withChaos(trivialBackend, 'primary', createFaultPlan([])), clock, rng);
  return {
    name: 'in process (chaos layer)',
    setup: async () => () => attempt(REQUEST, signal),
    teardown: () => {},
  };
}

/** Best req/s of each row over the rounds, rows interleaved so drifting machine load hits them alike. */
async function measure(rows: readonly Row[]): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const row of rows) {
      const call = await row.setup();
      const bench = new Bench({ time: TIME_MS, warmup: true });
      bench.add(row.name, call);
      try {
        await bench.run();
      } finally {
        await row.teardown();
      }
      const result = bench.tasks[0]?.result;
      if (!result || !('period' in result)) throw new Error(`${row.name}: no result (${result?.state})`);
      best.set(row.name, Math.max(best.get(row.name) ?? 0, 1000 / result.period));
    }
  }
  return best;
}

function print(title: string, rows: readonly Row[], best: Map<string, number>): void {
  console.log(`\n${title}`);
  console.log(`${'row'.padEnd(38)} ${'req/s'.padStart(9)}  vs raw`);
  for (const row of rows) {
    const hz = best.get(row.name) ?? 0;
    const raw = row.versus ? best.get(row.versus) : undefined;
    const ratio = raw ? `${(hz / raw).toFixed(2)}×` : '';
    console.log(`${row.name.padEnd(38)} ${hz.toFixed(0).padStart(9)}  ${ratio}`);
  }
}

console.log(
  `Sequential fetch POST, real clock, best of ${ROUNDS} × ${TIME_MS} ms per row (node ${process.version})`,
);
const [msw, nock] = [rawMsw(), rawNock()];
const direct = [inProcess(), msw, adapter('msw'), nock, adapter('nock')];
print('In tests (installMswChaos / installNockChaos):', direct, await measure(direct));
// The plugins find their runner call through AsyncLocalStorage, which on Node 20 taxes every promise in
// the process once used: these rows come second, and their raw rows are measured again under the same tax.
const viaRunner = [msw, plugin('msw'), nock, plugin('nock')];
print('In the runner (msw / nock backend plugins):', viaRunner, await measure(viaRunner));
