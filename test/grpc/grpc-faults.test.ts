import { type Client, credentials, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/faults/schema.ts';
import { type RunningGrpcServer, startGrpcServer } from '../../src/grpc/server.ts';
import { analysisService } from '../../src/grpc/service.ts';

const TEXT = 'Everyone believes it, so it must be true. Experts agree. Therefore you should too.';

type Reply = { body_json: string };
type Unary = (
  request: object,
  metadata: Metadata,
  options: object,
  done: (error: ServiceError | null, reply?: Reply) => void,
) => unknown;

let server: RunningGrpcServer;
let client: Client & Record<string, Unary>;

beforeAll(async () => {
  server = await startGrpcServer({ seed: 1 });
  const Service = analysisService();
  client = new Service(`127.0.0.1:${server.port}`, credentials.createInsecure(), {
    'grpc.enable_retries': 0,
  }) as Client & Record<string, Unary>;
});
afterAll(async () => {
  client.close();
  await server.close();
});

function unary(
  rpc: string,
  deadlineMs = 5_000,
): Promise<{ error: ServiceError | null; reply?: Reply; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) =>
    client[rpc]!({ text: TEXT }, new Metadata(), { deadline: Date.now() + deadlineMs }, (error, reply) =>
      resolve({ error, reply, ms: performance.now() - started }),
    ),
  );
}

function streamed(text = TEXT): Promise<{ replies: Reply[]; error?: ServiceError }> {
  return new Promise((resolve) => {
    const replies: Reply[] = [];
    const call = (client as unknown as Record<string, (r: object) => NodeJS.EventEmitter>).AnalyzeStream!({
      text,
    });
    call.on('data', (reply: Reply) => replies.push(reply));
    call.on('error', (error: ServiceError) => resolve({ replies, error }));
    call.on('end', () => resolve({ replies }));
  });
}

const only = (fault: Fault) => server.faults.setFaults([fault]);

describe('the gRPC analysis service', () => {
  it('answers Analyze and DetectFallacies with the same bodies as the HTTP API', async () => {
    server.faults.setFaults([]);
    const { analysisRoute } = await import('../../src/analysis/router.ts');
    for (const [rpc, route] of [
      ['Analyze', '/api/analyze'],
      ['DetectFallacies', '/api/detect-fallacies'],
    ] as const) {
      const { error, reply } = await unary(rpc);
      expect(error).toBeNull();
      expect(JSON.parse(reply!.body_json)).toEqual(analysisRoute('POST', route, { text: TEXT }).body);
    }
  });

  it('streams one /api/analyze reply per sentence', async () => {
    server.faults.setFaults([]);
    const { replies, error } = await streamed();
    expect(error).toBeUndefined();
    expect(replies).toHaveLength(3);
    expect(JSON.parse(replies[0]!.body_json)).toHaveProperty('fallacies');
  });
});

describe('AnalyzeStream checks its text as /api/analyze does', () => {
  it('refuses a blank text as INVALID_ARGUMENT before any reply', async () => {
    server.faults.setFaults([]);
    const { replies, error } = await streamed('   ');
    expect(replies).toHaveLength(0);
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.details).toMatch(/EMPTY_TEXT/);
  });
});

describe('gRPC faults, as a @grpc/grpc-js client sees them', () => {
  it.each([
    [503, status.UNAVAILABLE],
    [500, status.INTERNAL],
    [504, status.DEADLINE_EXCEEDED],
    [400, status.INVALID_ARGUMENT],
  ])('error %i is status %i', async (code, expected) => {
    only({ kind: 'error', status: code, rate: 1 });
    const { error } = await unary('Analyze');
    expect(error?.code).toBe(expected);
    expect(error?.metadata.get('x-faultline-fault')).toEqual(['error']);
  });

  it('429 with retryAfter is RESOURCE_EXHAUSTED with grpc-retry-pushback-ms', async () => {
    only({ kind: 'error', status: 429, retryAfter: 1500, rate: 1 });
    const { error } = await unary('Analyze');
    expect(error?.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(error?.metadata.get('grpc-retry-pushback-ms')).toEqual(['1500']);
  });

  it('a rate limit over its budget is RESOURCE_EXHAUSTED with the bucket’s wait', async () => {
    only({ kind: 'rate-limit', limit: 1, window: 60_000, rate: 1 });
    expect((await unary('Analyze')).error).toBeNull();
    const { error } = await unary('Analyze');
    expect(error?.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(Number(error?.metadata.get('grpc-retry-pushback-ms')[0])).toBeGreaterThan(0);
  });

  it('a timeout fault is DEADLINE_EXCEEDED after the wait', async () => {
    only({ kind: 'timeout', after: 150, rate: 1 });
    const { error, ms } = await unary('Analyze');
    expect(error?.code).toBe(status.DEADLINE_EXCEEDED);
    expect(error?.details).toMatch(/faultline injected a timeout/);
    expect(ms).toBeGreaterThanOrEqual(140);
  });

  it('a reset is the stream reset with RST_STREAM INTERNAL_ERROR', async () => {
    only({ kind: 'network', error: 'reset', rate: 1 });
    const { error } = await unary('Analyze');
    expect(error?.code).toBe(status.INTERNAL);
    expect(error?.details).toMatch(/RST_STREAM with code 2/);
  });

  it('a refusal is the stream refused: UNAVAILABLE', async () => {
    only({ kind: 'network', error: 'refused', rate: 1 });
    const { error } = await unary('Analyze');
    expect(error?.code).toBe(status.UNAVAILABLE);
    expect(error?.details).toMatch(/Stream refused/);
  });

  it('a hang never answers: the client deadline ends it DEADLINE_EXCEEDED', async () => {
    only({ kind: 'network', error: 'hang', rate: 1 });
    const { error, ms } = await unary('Analyze', 200);
    expect(error?.code).toBe(status.DEADLINE_EXCEEDED);
    expect(error?.details).not.toMatch(/faultline/);
    expect(ms).toBeGreaterThanOrEqual(190);
  });

  it('a delay holds the reply back', async () => {
    only({ kind: 'latency', distribution: { type: 'fixed', ms: 150 }, rate: 1 });
    const { error, ms } = await unary('Analyze');
    expect(error).toBeNull();
    expect(ms).toBeGreaterThanOrEqual(140);
  });

  it('a malformed fault corrupts body_json', async () => {
    only({ kind: 'malformed', mode: 'garbage', rate: 1 });
    const { reply } = await unary('Analyze');
    expect(() => JSON.parse(reply!.body_json)).toThrow();
  });

  it('a reset on AnalyzeStream cuts it mid-stream, after the first reply', async () => {
    only({ kind: 'network', error: 'reset', rate: 1 });
    const { replies, error } = await streamed();
    expect(replies).toHaveLength(1);
    expect(error?.code).toBe(status.INTERNAL);
    expect(error?.details).toMatch(/RST_STREAM/);
  });

  it('a 503 on AnalyzeStream is UNAVAILABLE before any reply', async () => {
    only({ kind: 'error', status: 503, rate: 1 });
    const { replies, error } = await streamed();
    expect(replies).toHaveLength(0);
    expect(error?.code).toBe(status.UNAVAILABLE);
  });
});
