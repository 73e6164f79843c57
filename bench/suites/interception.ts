/**
 * Cost of one call by each way faultline can sit in front of a backend: the in-process chaos layer, raw msw
 * and raw nock (the library alone, one trivial handler), faultline's msw and nock adapters
 * (installMswChaos / installNockChaos, and the msw / nock backend plugins as the runner calls them), and
 * real loopback HTTP to `faultline serve`. Every HTTP row sends the same sequential fetch POST (the
 * example client test/fixtures/clients/fetch-client.ts) and gets the same JSON body, on the real clock,
 * without faults, so the ratios are what faultline adds to the library it wraps.
 */
import { fileURLToPath } from 'node:url';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import mswPlugin from '../../plugins/msw/index.ts';
import nockPlugin from '../../plugins/nock/index.ts';
import type { Backend, BackendRequest, CallContext } from '../../src/backend/contract.ts';
import { createAttempt } from '../../src/client/attempt.ts';
import type { Clock } from '../../src/clock/clock.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { withChaos } from '../../src/faults/chaos-backend.ts';
import { createFaultPlan } from '../../src/faults/create-fault-plan.ts';
import { startServer } from '../../src/http/server.ts';
import type { ClientFunction } from '../../src/interceptors/client/load-client.ts';
import { DEFAULT_BASE_URL } from '../../src/interceptors/defaults.ts';
import { installChaos } from '../../src/interceptors/install-chaos.ts';
import { loadNock } from '../../src/interceptors/nock/load-nock.ts';
import { createRng, type Rng } from '../../src/rng/rng.ts';
import { type RateRow, rateTable } from '../lib/rate-table.ts';
import type { Suite, SuiteContext, Table } from '../lib/types.ts';

const BODY = Object.freeze({ language: 'en', sentenceCount: 1, fallacies: [] });
const REQUEST: BackendRequest = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'It rains, so the street is wet.' },
};
const URL_ = `${DEFAULT_BASE_URL}${REQUEST.path}`;
const CLIENT = fileURLToPath(new URL('../../test/fixtures/clients/fetch-client.ts', import.meta.url));
const TRIVIAL_PLUGIN = fileURLToPath(new URL('../interception-backend.ts', import.meta.url));

/** Answers at once: the rows measure the interception, not a backend. */
const trivialBackend: Backend = {
  name: 'trivial',
  call: async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: BODY }),
};

const table = (ctx: SuiteContext, id: string, title: string, rows: readonly RateRow[]): Promise<Table> =>
  rateTable(
    ctx,
    {
      suite: 'interception',
      id,
      title,
      what: 'Sequential fetch POSTs with a trivial JSON answer, real clock, no faults',
      aim: 'the issue’s aim: ≥ 0.9×',
      batch: 20,
    },
    rows,
  );

export const interceptionSuite: Suite = {
  title: 'Interception: in process, msw, nock, loopback HTTP',
  async run(ctx) {
    const { default: analyse } = (await import(CLIENT)) as { default: ClientFunction };
    const post = (baseUrl: string) => () =>
      analyse(REQUEST, { signal: new AbortController().signal, baseUrl });
    const clock = createRealClock();
    const rng = createRng(1);
    const msw = rawMsw(post(DEFAULT_BASE_URL));
    const nock = rawNock(post(DEFAULT_BASE_URL));
    const server = await startServer({ backend: trivialBackend, seed: 1 });
    try {
      const direct: RateRow[] = [
        inProcess(ctx, clock, rng),
        msw,
        adapter(ctx, 'msw', post(DEFAULT_BASE_URL), clock),
        nock,
        adapter(ctx, 'nock', post(DEFAULT_BASE_URL), clock),
        { name: 'loopback HTTP (faultline serve)', call: post(server.url), async: true },
      ];
      const inTests = await table(ctx, 'in-tests', 'In tests (installMswChaos / installNockChaos)', direct);
      // The plugins find their runner call through AsyncLocalStorage, which on Node 20 taxes every promise in
      // the process once used: these rows come last (and this suite after the others), with their raw rows
      // measured again under the same tax.
      const viaRunner: RateRow[] = [
        msw,
        plugin(ctx, 'msw', clock, rng),
        nock,
        plugin(ctx, 'nock', clock, rng),
      ];
      const inRunner = await table(ctx, 'in-runner', 'In the runner (msw / nock backend plugins)', viaRunner);
      return { tables: [inTests, inRunner] };
    } finally {
      await server.close();
    }
  },
};

function rawMsw(call: () => Promise<unknown>): RateRow {
  const server = setupServer(http.post(URL_, () => HttpResponse.json(BODY)));
  return {
    name: 'raw msw',
    call,
    async: true,
    setup: () => server.listen({ onUnhandledRequest: 'error' }),
    teardown: () => server.close(),
  };
}

function rawNock(call: () => Promise<unknown>): RateRow {
  const nock = loadNock();
  return {
    name: 'raw nock',
    call,
    async: true,
    setup: () => {
      nock.activate();
      nock(DEFAULT_BASE_URL).persist().post(REQUEST.path).reply(200, BODY);
    },
    teardown: () => {
      nock.cleanAll();
      nock.restore();
    },
  };
}

function adapter(
  ctx: SuiteContext,
  kind: 'msw' | 'nock',
  call: () => Promise<unknown>,
  clock: Clock,
): RateRow {
  let uninstall: () => Promise<void> = async () => {};
  return {
    name: `faultline ${kind} (install${kind === 'msw' ? 'Msw' : 'Nock'}Chaos)`,
    versus: `raw ${kind}`,
    call: ctx.slow(call),
    async: true,
    setup: async () => {
      const chaos = await installChaos(kind, [], { backend: trivialBackend, clock });
      uninstall = chaos.uninstall;
    },
    teardown: () => uninstall(),
  };
}

/** The backend plugin as the runner calls it: the user's client (the same fetch) inside a call scope. */
function plugin(ctx: SuiteContext, kind: 'msw' | 'nock', clock: Clock, rng: Rng): RateRow {
  let backend: Backend | undefined;
  const callCtx: CallContext = { signal: new AbortController().signal, clock, rng };
  return {
    name: `faultline ${kind} plugin (runner call)`,
    versus: `raw ${kind}`,
    call: ctx.slow(() => {
      if (!backend) throw new Error(`${kind} plugin row called before its setup`);
      return backend.call(REQUEST, callCtx);
    }),
    async: true,
    setup: async () => {
      const definition = kind === 'msw' ? mswPlugin : nockPlugin;
      const options = definition.options.parse({ client: CLIENT, backend: { plugin: TRIVIAL_PLUGIN } });
      backend = await definition.create(options, {
        clock,
        rng,
        baseDir: process.cwd(),
        faultPlan: createFaultPlan([]),
      });
    },
    teardown: async () => {
      await backend?.close?.();
      backend = undefined;
    },
  };
}

function inProcess(ctx: SuiteContext, clock: Clock, rng: Rng): RateRow {
  const attempt = createAttempt(withChaos(trivialBackend, 'primary', createFaultPlan([])), clock, rng);
  const signal = new AbortController().signal;
  return { name: 'in process (chaos layer)', call: ctx.slow(() => attempt(REQUEST, signal)), async: true };
}
