import { readFileSync } from 'node:fs';
import { status as grpcStatus } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  faultMappingMarkdown,
  GRPC_CODE_BY_STATUS,
  GRPC_CODES,
  grpcCodeForStatus,
  STATUS_BY_GRPC_CODE,
} from '../../src/protocols/fault-mapping.ts';

describe('the fault mapping table', () => {
  it('is the table the README prints, between its markers', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = /<!-- fault-mapping:start -->\n([\s\S]*?)\n<!-- fault-mapping:end -->/.exec(readme)?.[1];
    expect(section?.trim()).toBe(faultMappingMarkdown());
  });

  it('numbers gRPC codes as @grpc/grpc-js does', () => {
    for (const [name, code] of Object.entries(GRPC_CODES)) {
      expect((grpcStatus as unknown as Record<string, number>)[name]).toBe(code);
    }
  });

  it('maps the issue’s statuses: 503 UNAVAILABLE, 429 RESOURCE_EXHAUSTED, 500 INTERNAL, 504 DEADLINE_EXCEEDED', () => {
    expect([503, 429, 500, 504].map(grpcCodeForStatus)).toEqual([
      'UNAVAILABLE',
      'RESOURCE_EXHAUSTED',
      'INTERNAL',
      'DEADLINE_EXCEEDED',
    ]);
    expect([418, 599].map(grpcCodeForStatus)).toEqual(['FAILED_PRECONDITION', 'UNKNOWN']);
  });

  it('brings every mapped status back to one of the same class, so retryOn means the same over gRPC', () => {
    for (const [status, code] of Object.entries(GRPC_CODE_BY_STATUS)) {
      const back = STATUS_BY_GRPC_CODE[code];
      // 408 becomes DEADLINE_EXCEEDED, which the client classifies as a timeout rather than by status.
      if (Number(status) === 408) continue;
      expect(Math.floor(back / 100), `${status} → ${code} → ${back}`).toBe(Math.floor(Number(status) / 100));
    }
    expect(STATUS_BY_GRPC_CODE[grpcCodeForStatus(503)]).toBe(503);
    expect(STATUS_BY_GRPC_CODE[grpcCodeForStatus(429)]).toBe(429);
    expect(STATUS_BY_GRPC_CODE[grpcCodeForStatus(500)]).toBe(500);
  });
});
