import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, type ServiceError, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { analysisService } from '../../src/grpc/service.ts';
import { finished, startCli, waitForOutput } from '../cli/cli-process.ts';

const SCENARIO = 'test/fixtures/scenarios/adapter-matrix.yaml';

describe('faultline serve --grpc --ws', () => {
  it('answers gRPC and WebSocket sessions beside HTTP, on one fault timeline, and stops on SIGINT', async () => {
    const serve = startCli([
      'serve',
      '--port',
      '0',
      '--grpc',
      '0',
      '--ws',
      '0',
      '--scenario',
      SCENARIO,
      '--log-level',
      'warn',
    ]);
    const printed = await waitForOutput(serve, /faultline serve: .*ws:\S+/);
    const grpcUrl = /grpc:\/\/(127\.0\.0\.1:\d+)/.exec(printed)?.[1];
    const wsUrl = /(ws:\/\/127\.0\.0\.1:\d+\/api\/ws)/.exec(printed)?.[1];
    expect(grpcUrl).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/api\/ws$/);

    const Service = analysisService();
    const client = new Service(grpcUrl!, credentials.createInsecure());
    const grpcAnswer = await new Promise<{ error: ServiceError | null; body?: string }>((resolve) =>
      (client as unknown as Record<string, (...a: unknown[]) => void>).Analyze!(
        { text: 'It rains, so it is wet.' },
        (error: ServiceError | null, reply?: { body_json: string }) =>
          resolve({ error, body: reply?.body_json }),
      ),
    );
    client.close();
    expect(grpcAnswer.error?.code ?? status.OK).toBe(status.OK);
    expect(JSON.parse(grpcAnswer.body!)).toHaveProperty('fallacies');

    const ws = new WebSocket(wsUrl!);
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = new Promise<string>((resolve) => ws.once('message', (data) => resolve(data.toString())));
    ws.send(
      JSON.stringify({
        id: 1,
        method: 'POST',
        path: '/api/analyze',
        body: { text: 'It rains, so it is wet.' },
      }),
    );
    expect(JSON.parse(await reply)).toMatchObject({ id: 1, status: 200 });
    ws.terminate();

    serve.kill('SIGINT');
    expect((await finished(serve)).code).toBe(0);
  }, 30_000);

  it('refuses a bad --grpc port with one line and exit code 2', async () => {
    const run = await finished(startCli(['serve', '--grpc', 'seventy']));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--grpc takes a port between 0 and 65535, not "seventy"/);
  }, 30_000);

  it('check refuses grpc and websocket backends: it simulates on virtual time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-grpc-check-'));
    for (const [plugin, url] of [
      ['grpc', 'grpc://127.0.0.1:9'],
      ['websocket', 'ws://127.0.0.1:9/api/ws'],
    ]) {
      const file = join(dir, `${plugin}.yaml`);
      writeFileSync(
        file,
        `name: real\nbackends: { primary: { plugin: ${plugin}, options: { url: "${url}" } } }\nworkload: { model: closed, requests: 5 }\n`,
      );
      const run = await finished(startCli(['check', file]));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`backend "primary" uses the ${plugin} plugin`);
    }
  }, 30_000);
});
