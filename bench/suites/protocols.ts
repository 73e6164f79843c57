/**
 * Loopback throughput of unary gRPC calls and WebSocket request/reply messages: the raw library alone
 * (a trivial server and client), then faultline's server with its plugin as the runner calls it, without
 * faults and with faults in the path (decided on every call: a 503 at rate 0 and a 0 ms delay at rate 1,
 * so each call pays the fault plan, the fault trailer or field, and still succeeds). Sequential calls on
 * the real clock; the ratios are what faultline adds to the library it wraps.
 */
import {
  type Client,
  credentials,
  Metadata,
  Server,
  ServerCredentials,
  type ServiceError,
} from '@grpc/grpc-js';
import WebSocket, { WebSocketServer } from 'ws';
import grpcPlugin from '../../plugins/grpc/index.ts';
import websocketPlugin from '../../plugins/websocket/index.ts';
import type { Backend, BackendRequest, CallContext } from '../../src/backend/contract.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import type { Phase } from '../../src/faults/schema.ts';
import { startGrpcServer } from '../../src/grpc/server.ts';
import { analysisService } from '../../src/grpc/service.ts';
import { createRng } from '../../src/rng/rng.ts';
import { startWebSocketServer } from '../../src/websocket/server.ts';
import { type RateRow, rateTable } from '../lib/rate-table.ts';
import type { Suite, SuiteContext, Table } from '../lib/types.ts';

const BODY = Object.freeze({ language: 'en', sentenceCount: 1, fallacies: [] });
const BODY_JSON = JSON.stringify(BODY);
const TEXT = 'It rains, so the street is wet.';
const REQUEST: BackendRequest = { method: 'POST', path: '/api/analyze', body: { text: TEXT } };

/** Answers at once: the rows measure the transport and faultline's layer, not an analyser. */
const trivialBackend: Backend = {
  name: 'trivial',
  call: async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: BODY }),
};

/** Faults decided on every call that let every call through. */
const FAULTS_IN_PATH: Phase[] = [
  {
    name: 'in-path',
    from: 0,
    faults: [
      { kind: 'error', status: 503, rate: 0 },
      { kind: 'latency', distribution: { type: 'fixed', ms: 0 }, rate: 1 },
    ],
  },
];

const table = (ctx: SuiteContext, id: string, title: string, rows: readonly RateRow[]): Promise<Table> =>
  rateTable(
    ctx,
    {
      suite: 'protocols',
      id,
      title,
      what: 'Sequential calls over 127.0.0.1, trivial answers, real clock',
      batch: 10,
    },
    rows,
  );

export const protocolsSuite: Suite = {
  title: 'Protocols: unary gRPC and WebSocket messages over loopback',
  async run(ctx) {
    const grpcRows = await grpcTable(ctx);
    const wsRows = await websocketTable(ctx);
    return { tables: [grpcRows, wsRows] };
  },
};

async function grpcTable(ctx: SuiteContext): Promise<Table> {
  const raw = await rawGrpc();
  const plain = await startGrpcServer({ backend: trivialBackend, seed: 1 });
  const faulty = await startGrpcServer({ backend: trivialBackend, seed: 1, phases: FAULTS_IN_PATH });
  const opened: Backend[] = [];
  try {
    const rows: RateRow[] = [
      { name: 'raw grpc-js', call: raw.call, async: true },
      await pluginRow(ctx, 'faultline gRPC server + grpc plugin', 'raw grpc-js', () =>
        track(grpcPlugin.create(grpcPlugin.options.parse({ url: plain.url }), pluginContext()), opened),
      ),
      await pluginRow(ctx, 'same, faults in the path', 'raw grpc-js', () =>
        track(grpcPlugin.create(grpcPlugin.options.parse({ url: faulty.url }), pluginContext()), opened),
      ),
    ];
    return await table(ctx, 'grpc-unary', 'Unary gRPC (Analyze)', rows);
  } finally {
    await Promise.all(opened.map((backend) => backend.close?.()));
    await Promise.all([raw.close(), plain.close(), faulty.close()]);
  }
}

async function websocketTable(ctx: SuiteContext): Promise<Table> {
  const raw = await rawWebSocket();
  const plain = await startWebSocketServer({ backend: trivialBackend, seed: 1 });
  const faulty = await startWebSocketServer({ backend: trivialBackend, seed: 1, phases: FAULTS_IN_PATH });
  const opened: Backend[] = [];
  try {
    const rows: RateRow[] = [
      { name: 'raw ws', call: raw.call, async: true },
      await pluginRow(ctx, 'faultline WebSocket server + websocket plugin', 'raw ws', () =>
        track(
          websocketPlugin.create(websocketPlugin.options.parse({ url: plain.url }), pluginContext()),
          opened,
        ),
      ),
      await pluginRow(ctx, 'same, faults in the path', 'raw ws', () =>
        track(
          websocketPlugin.create(websocketPlugin.options.parse({ url: faulty.url }), pluginContext()),
          opened,
        ),
      ),
    ];
    return await table(ctx, 'websocket-messages', 'WebSocket request/reply messages', rows);
  } finally {
    await Promise.all(opened.map((backend) => backend.close?.()));
    await Promise.all([raw.close(), plain.close(), faulty.close()]);
  }
}

const pluginContext = () => ({ clock: createRealClock(), rng: createRng(1), baseDir: process.cwd() });

/** Remembers a backend so the table's `finally` closes it. */
async function track(created: Backend | Promise<Backend>, opened: Backend[]): Promise<Backend> {
  const backend = await created;
  opened.push(backend);
  return backend;
}

/** The plugin as the runner calls it, with a first call made so the row measures a warm channel. */
async function pluginRow(
  ctx: SuiteContext,
  name: string,
  versus: string,
  make: () => Promise<Backend>,
): Promise<RateRow> {
  const backend = await make();
  const callCtx: CallContext = {
    signal: new AbortController().signal,
    clock: createRealClock(),
    rng: createRng(1),
  };
  await backend.call(REQUEST, callCtx);
  return { name, versus, call: ctx.slow(() => backend.call(REQUEST, callCtx)), async: true };
}

/** A bare grpc-js server with the same service answering a constant, and a bare client. */
async function rawGrpc(): Promise<{ call: () => Promise<unknown>; close(): Promise<void> }> {
  const Service = analysisService();
  const server = new Server();
  server.addService(Service.service, {
    Analyze: (_call: unknown, done: (error: null, reply: { body_json: string }) => void) =>
      done(null, { body_json: BODY_JSON }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  const client = new Service(`127.0.0.1:${port}`, credentials.createInsecure()) as Client &
    Record<
      string,
      (r: object, m: Metadata, done: (e: ServiceError | null, reply?: { body_json: string }) => void) => void
    >;
  const call = () =>
    new Promise<unknown>((resolve, reject) =>
      client.Analyze!({ text: TEXT }, new Metadata(), (error, reply) =>
        error ? reject(error) : resolve(JSON.parse(reply?.body_json ?? '')),
      ),
    );
  await call();
  return {
    call,
    async close() {
      client.close();
      server.forceShutdown();
    },
  };
}

/** A bare ws server replying a constant to each message, and a bare client awaiting each reply in turn. */
async function rawWebSocket(): Promise<{ call: () => Promise<unknown>; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (ws) =>
    ws.on('message', (data) => {
      const { id } = JSON.parse(data.toString()) as { id: number };
      ws.send(JSON.stringify({ id, status: 200, bodyText: BODY_JSON }));
    }),
  );
  const address = server.address() as { port: number };
  const client = new WebSocket(`ws://127.0.0.1:${address.port}`);
  await new Promise((resolve) => client.once('open', resolve));
  let id = 0;
  const call = () =>
    new Promise<unknown>((resolve) => {
      client.once('message', (data) => resolve(JSON.parse(JSON.parse(data.toString()).bodyText)));
      client.send(JSON.stringify({ id: ++id, method: 'POST', path: '/api/analyze', body: { text: TEXT } }));
    });
  return {
    call,
    async close() {
      client.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
