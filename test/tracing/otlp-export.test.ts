import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/rng.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { exportTraces } from '../../src/tracing/otlp-export.ts';
import { RunTracer } from '../../src/tracing/run-tracer.ts';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** A real OTLP/HTTP receiver on 127.0.0.1: decodes every JSON export request it gets. */
const received: OtlpSpan[] = [];
let receiver: Server;
let url = '';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      expect(req.url).toBe('/v1/traces');
      expect(req.headers['content-type']).toMatch(/application\/json/);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const resource of body.resourceSpans)
        for (const scope of resource.scopeSpans) received.push(...scope.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

describe('OpenTelemetry traces of a simulated run, over OTLP/HTTP', () => {
  it('one trace per request, one child span per backend call, on the run’s own timings', async () => {
    const scenario = scenarioSchema.parse({
      name: 'traced',
      backends: { primary: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 40 } } } },
      policies: { retry: { maxAttempts: 3, backoff: { type: 'constant', delay: '10ms' } } },
      workload: { model: 'closed', clients: 2, requests: 50 },
      phases: [{ name: 'flaky', from: 0, faults: [{ kind: 'error', status: 503, rate: 0.4 }] }],
    });
    const tracer = new RunTracer();
    const result = await runScenario(scenario, { seed: 21, tracer });
    expect(tracer.requests).toHaveLength(50);
    await exportTraces(tracer.requests, {
      url,
      scenario: 'traced',
      seed: 21,
      epochMs: 1_700_000_000_000,
      rng: createRng(21),
    });

    const roots = received.filter((span) => span.parentSpanId === undefined || span.parentSpanId === '');
    const children = received.filter((span) => span.name === 'attempt');
    expect(roots).toHaveLength(result.requests.total);
    expect(new Set(roots.map((span) => span.traceId)).size).toBe(result.requests.total);
    // Every backend call is an attempt span under its request's root, in that request's trace.
    expect(children).toHaveLength(result.backend.calls);
    expect(result.backend.calls).toBeGreaterThan(result.requests.total);
    const rootById = new Map(roots.map((span) => [span.spanId, span]));
    for (const child of children) {
      const root = rootById.get(child.parentSpanId ?? '');
      expect(root?.traceId).toBe(child.traceId);
      expect(BigInt(child.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(root?.startTimeUnixNano ?? 0));
      // A call the backend ran takes its 40 ms; an injected 503 fails before the backend is reached, after the
      // 1 ms round trip mock-analysis charges a failure (failureLatency).
      const took = BigInt(child.endTimeUnixNano) - BigInt(child.startTimeUnixNano);
      expect(took).toBe(attribute(child, 'faultline.error.code') === undefined ? 40_000_000n : 1_000_000n);
    }
    const perRoot = (root: OtlpSpan) => children.filter((c) => c.parentSpanId === root.spanId).length;
    for (const root of roots) expect(perRoot(root)).toBe(attribute(root, 'faultline.attempts'));
    const failedCalls = children.filter((span) => attribute(span, 'faultline.error.code') === 'HTTP_503');
    expect(failedCalls.length).toBe(result.backend.calls - result.backend.reached);
  }, 30_000);
});
