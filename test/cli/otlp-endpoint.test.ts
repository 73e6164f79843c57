import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process.ts';

interface OtlpSpan {
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** A real OTLP/HTTP receiver on 127.0.0.1 that decodes every JSON export it gets. */
const received: { resource: Record<string, unknown>; spans: OtlpSpan[] }[] = [];
let receiver: Server;
let url = '';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-otlp-'));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: Record<string, unknown> }[] };
          scopeSpans: { spans: OtlpSpan[] }[];
        }[];
      };
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const attrs = Object.fromEntries(resource.attributes.map((a) => [a.key, Object.values(a.value)[0]]));
        received.push({ resource: attrs, spans: scopeSpans.flatMap((s) => s.spans) });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

const SCENARIO = `name: otlp-cli
backends:
  primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 20 } } }
policies:
  retry: { maxAttempts: 3, backoff: { type: constant, delay: 5ms } }
workload: { model: closed, clients: 2, requests: 40 }
phases:
  - { name: flaky, from: 0, faults: [{ kind: error, status: 503, rate: 0.4 }] }
hypotheses:
  - availability > 0.5
`;

describe('faultline run --otlp-endpoint', () => {
  it('exports one trace per request, an attempt span per backend call, through the real CLI', async () => {
    const file = join(dir, 'otlp.yaml');
    await writeFile(file, SCENARIO);
    const out = join(dir, 'result.json');
    const run = await runCli(['run', file, '--seed', '7', '--otlp-endpoint', url, '--out', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(await readFile(out, 'utf8')) as {
      requests: { total: number };
      backend: { calls: number };
    };
    const spans = received.flatMap((r) => r.spans);
    const roots = spans.filter((s) => !s.parentSpanId);
    const attempts = spans.filter((s) => s.name === 'attempt');
    expect(roots).toHaveLength(result.requests.total);
    expect(result.requests.total).toBe(40);
    expect(attempts).toHaveLength(result.backend.calls);
    expect(result.backend.calls).toBeGreaterThan(40);
    const rootIds = new Set(roots.map((s) => s.spanId));
    for (const attempt of attempts) expect(rootIds.has(attempt.parentSpanId ?? '')).toBe(true);
    for (const { resource } of received) {
      expect(resource).toMatchObject({ 'faultline.scenario': 'otlp-cli', 'faultline.seed': 7 });
    }
  });

  it.each([
    [
      'plain http elsewhere',
      'http://collector.example.com:4318/v1/traces',
      /not a loopback address.*--allow-insecure-http/,
    ],
    ['another scheme', 'ftp://127.0.0.1/v1/traces', /not http: or https:/],
    [
      'credentials',
      'https://user:secret@collector.example.com/v1/traces',
      /credentials.*OTEL_EXPORTER_OTLP_HEADERS/,
    ],
    ['not a URL', 'not a url', /is not a URL/],
    ['an overlong URL', `https://collector.example.com/${'a'.repeat(2100)}`, /MAX_OTLP_URL_LENGTH/],
  ])('refuses %s in one line with exit 2', async (_label, endpoint, message) => {
    const run = await runCli(['run', 'scenarios/healthy-baseline.yaml', '--otlp-endpoint', endpoint]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/secret|\n\s+at /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
