import { register as globalRegistry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultSchema } from '../../src/faults/schema.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { fetchOutcome, jsonPost } from './support/clients.ts';
import { createInstantClock } from './support/instant-clock.ts';

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The Prometheus text format, parsed independently of prom-client: `name{a="b",...} value`. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

function sampleSum(samples: Sample[], name: string, labels: Record<string, string>): number {
  const found = samples.filter(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  return found.reduce((sum, sample) => sum + sample.value, 0);
}

let server: RunningServer;
let other: RunningServer;

beforeAll(async () => {
  server = await startServer({ clock: createInstantClock(), seed: 5 });
  other = await startServer({ seed: 5 });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe('/metrics', () => {
  it('counts requests by route, method and status, and injected faults by kind', async () => {
    server.faults.setFaults([
      faultSchema.parse({ kind: 'error', status: 503, routes: ['/api/validate'] }),
      faultSchema.parse({
        kind: 'latency',
        routes: ['/api/validate'],
        distribution: { type: 'fixed', ms: 5 },
      }),
    ]);
    const text = { text: 'It rains, so the ground is wet.' };
    for (let i = 0; i < 7; i++) await fetchOutcome(`${server.url}/api/analyze`, jsonPost(text));
    for (let i = 0; i < 3; i++) await fetchOutcome(`${server.url}/api/health`);
    for (let i = 0; i < 4; i++) await fetchOutcome(`${server.url}/api/validate`, jsonPost(text));
    for (let i = 0; i < 2; i++) await fetchOutcome(`${server.url}/wp-admin/${i}`);
    await fetchOutcome(`${server.url}/api/analyze`, { ...jsonPost(null), body: '{oops' });

    const scrape = await fetch(`${server.url}/metrics`);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    const samples = parseExposition(await scrape.text());
    const requests = (labels: Record<string, string>) =>
      sampleSum(samples, 'faultline_http_requests_total', labels);

    expect(requests({ route: '/api/analyze', method: 'POST', status: '200' })).toBe(7);
    expect(requests({ route: '/api/analyze', method: 'POST', status: '400' })).toBe(1);
    expect(requests({ route: '/api/health', method: 'GET', status: '200' })).toBe(3);
    expect(requests({ route: '/api/validate', method: 'POST', status: '503' })).toBe(4);
    // Unknown paths share one label value, so scanners cannot create series.
    expect(requests({ route: 'other', status: '404' })).toBe(2);
    expect(requests({})).toBe(7 + 1 + 3 + 4 + 2);
    expect(sampleSum(samples, 'faultline_faults_injected_total', { kind: 'error' })).toBe(4);
    expect(sampleSum(samples, 'faultline_faults_injected_total', { kind: 'latency' })).toBe(4);
    expect(
      sampleSum(samples, 'faultline_http_request_duration_seconds_count', { route: '/api/analyze' }),
    ).toBe(8);
    expect(samples.every((sample) => sample.labels.component === 'server')).toBe(true);
  });

  it('counts each request once however often it is scraped (counts reach prom-client at scrape time)', async () => {
    const health = async () => {
      const samples = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
      return sampleSum(samples, 'faultline_http_requests_total', { route: '/api/health', status: '200' });
    };
    const before = await health();
    expect(await health()).toBe(before);
    await fetchOutcome(`${server.url}/api/health`);
    await fetchOutcome(`${server.url}/api/health`);
    expect(await health()).toBe(before + 2);
    expect(await health()).toBe(before + 2);
  });

  it('keeps each instance in its own registry, out of prom-client’s global one', async () => {
    await fetchOutcome(`${other.url}/api/health`);
    const samples = parseExposition(await (await fetch(`${other.url}/metrics`)).text());
    expect(sampleSum(samples, 'faultline_http_requests_total', {})).toBe(1);
    expect(await globalRegistry.metrics()).not.toContain('faultline_');
  });
});
