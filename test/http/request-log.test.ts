import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultSchema } from '../../src/faults/schema.ts';
import { startProxy } from '../../src/http/proxy.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { fetchOutcome, jsonPost } from './support/clients.ts';
import { createInstantClock } from './support/instant-clock.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    requests: () => lines.filter((line) => line.msg === 'request'),
    logger: createLogger({
      level: 'info',
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    }),
  };
}

const serverLog = capture();
const proxyLog = capture();
let server: RunningServer;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  server = await startServer({ clock: createInstantClock(), seed: 5, logger: serverLog.logger });
  proxy = await startProxy({
    target: server.url,
    clock: createInstantClock(),
    seed: 5,
    logger: proxyLog.logger,
  });
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

describe('one structured log line per request at info', () => {
  it('serve logs endpoint, method, status_code, response_time_ms, timestamp and the faults injected', async () => {
    server.faults.setFaults([faultSchema.parse({ kind: 'error', status: 503, routes: ['/api/validate'] })]);
    await fetchOutcome(`${server.url}/api/analyze`, jsonPost({ text: 'It rains, so the ground is wet.' }));
    await fetchOutcome(`${server.url}/api/validate`, jsonPost({ text: 'It rains.' }));
    const [analyze, validate] = serverLog.requests();
    expect(analyze).toMatchObject({
      level: 30,
      endpoint: '/api/analyze',
      method: 'POST',
      status_code: '200',
      fault: [],
    });
    expect(validate).toMatchObject({ endpoint: '/api/validate', status_code: '503', fault: ['error'] });
    expect(typeof analyze?.response_time_ms).toBe('number');
    expect(String(analyze?.timestamp)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('proxy logs the same fields for what it forwards', async () => {
    server.faults.setFaults([]);
    await fetchOutcome(`${proxy.url}/api/health`);
    expect(proxyLog.requests()).toEqual([
      expect.objectContaining({ endpoint: '/api/health', method: 'GET', status_code: '200', fault: [] }),
    ]);
  });
});
