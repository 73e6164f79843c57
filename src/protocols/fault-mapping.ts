/**
 * gRPC status codes by name, as numbered in grpc's `status.proto` (and `@grpc/grpc-js`'s `status`).
 * Kept here so the mapping below is plain data, readable without the gRPC library.
 */
export const GRPC_CODES = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcCodeName = keyof typeof GRPC_CODES;

/**
 * HTTP status → gRPC code, the pairs google.rpc.Code documents (code.proto), read in reverse, plus 502
 * (a gateway that cannot reach its upstream is unavailable). Statuses not listed fall back by class.
 */
export const GRPC_CODE_BY_STATUS: Readonly<Record<number, GrpcCodeName>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function grpcCodeForStatus(status: number): GrpcCodeName {
  return GRPC_CODE_BY_STATUS[status] ?? (status < 500 ? 'FAILED_PRECONDITION' : 'UNKNOWN');
}

/** The HTTP status a client-side gRPC code stands for, so `retryOn: [5xx, 429]` means the same on both. */
export const STATUS_BY_GRPC_CODE: Readonly<Record<GrpcCodeName, number>> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

/** Trailer gRPC's own retry machinery reads for a server's requested wait (gRFC A6). */
export const GRPC_PUSHBACK_KEY = 'grpc-retry-pushback-ms';

/** WebSocket close codes faultline sends (RFC 6455 §7.4 and the IANA registry). */
export const WS_CLOSE = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  /** Never sent on the wire: what a client reports when the TCP connection dies without a close frame. */
  ABNORMAL: 1006,
  INTERNAL_ERROR: 1011,
  TRY_AGAIN_LATER: 1013,
} as const;

/** One row of the mapping: which scenario faults produce an effect, and what each transport does with it. */
export interface ProtocolFaultRow {
  /** Scenario fault kinds (src/faults/schema.ts) that produce the effect. */
  readonly from: string;
  readonly http: string;
  readonly grpc: string;
  readonly websocket: string;
}

/** Keys of the mapping: every effect the fault plan can produce, failures spelled out by variant. */
export type ProtocolEffect =
  | 'delay'
  | 'status 503'
  | 'status 429 + retryAfter'
  | 'status 500'
  | 'other status'
  | 'network reset'
  | 'network refused / dns'
  | 'hang'
  | 'timeout'
  | 'malformed';

/**
 * THE mapping from the fault vocabulary to each transport's own terms: the servers in src/http,
 * src/grpc and src/websocket deliver each effect as its row says, and the README prints this table.
 */
export const PROTOCOL_FAULTS: Readonly<Record<ProtocolEffect, ProtocolFaultRow>> = {
  delay: {
    from: 'latency, degradation (latencyMs)',
    http: 'wait before the headers (or a dribbled body with --dribble)',
    grpc: 'wait before the reply; a client deadline expiring first ends the call DEADLINE_EXCEEDED',
    websocket: 'the reply message is sent late',
  },
  'status 503': {
    from: 'error, fail-first, flapping, degradation (their default failure)',
    http: '503 with a JSON error body',
    grpc: 'UNAVAILABLE',
    websocket: 'a reply message with `status: 503`; the session stays open',
  },
  'status 429 + retryAfter': {
    from: 'rate-limit; error with status 429 and retryAfter',
    http: '429 with Retry-After (whole seconds)',
    grpc: `RESOURCE_EXHAUSTED with the exact wait in the \`${GRPC_PUSHBACK_KEY}\` trailer`,
    websocket: 'a reply message with `status: 429` and `retryAfterMs`',
  },
  'status 500': {
    from: 'error with status 500',
    http: '500',
    grpc: 'INTERNAL',
    websocket: 'a reply message with `status: 500`',
  },
  'other status': {
    from: 'error with any other 4xx/5xx',
    http: 'that status',
    grpc: 'by google.rpc.Code (400 INVALID_ARGUMENT, 504 DEADLINE_EXCEEDED ...); else 4xx FAILED_PRECONDITION, 5xx UNKNOWN',
    websocket: 'a reply message with that status',
  },
  'network reset': {
    from: 'network reset (also as a `failure:`)',
    http: 'TCP RST on the connection (ECONNRESET)',
    grpc: 'the call’s HTTP/2 stream reset (RST_STREAM INTERNAL_ERROR); the client reports ECONNRESET',
    websocket: 'abrupt close: the TCP connection destroyed without a close frame (client sees 1006)',
  },
  'network refused / dns': {
    from: 'network refused, network dns',
    http: 'the accepted connection closed with no reply',
    grpc: 'the stream refused (RST_STREAM REFUSED_STREAM: UNAVAILABLE); the client reports ECONNREFUSED',
    websocket: `the session closed with ${WS_CLOSE.TRY_AGAIN_LATER} (Try Again Later); the client reconnects with backoff`,
  },
  hang: {
    from: 'network hang',
    http: 'no answer until the client gives up',
    grpc: 'no reply and no status until the client’s deadline or cancel',
    websocket: 'the message is dropped (never answered); the session stays open',
  },
  timeout: {
    from: 'timeout (after)',
    http: '504 after the wait',
    grpc: 'DEADLINE_EXCEEDED after the wait',
    websocket: 'a reply message with `status: 504` after the wait',
  },
  malformed: {
    from: 'malformed (truncated, garbage, empty)',
    http: 'the body corrupted',
    grpc: 'the reply’s `body_json` corrupted',
    websocket: 'the reply’s `bodyText` corrupted',
  },
};

/** The mapping as the Markdown table the README carries (a test keeps the two equal). */
export function faultMappingMarkdown(): string {
  const lines = [
    '| Effect | From scenario faults | HTTP | gRPC | WebSocket |',
    '|---|---|---|---|---|',
    ...Object.entries(PROTOCOL_FAULTS).map(
      ([effect, row]) => `| ${effect} | ${row.from} | ${row.http} | ${row.grpc} | ${row.websocket} |`,
    ),
  ];
  return lines.join('\n');
}
