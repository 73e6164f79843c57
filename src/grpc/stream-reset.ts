import { constants, type ServerHttp2Stream } from 'node:http2';

/** RST_STREAM codes faultline sends: a reset (INTERNAL_ERROR) and a refusal (REFUSED_STREAM). */
export const RESET_CODE = {
  reset: constants.NGHTTP2_INTERNAL_ERROR,
  refused: constants.NGHTTP2_REFUSED_STREAM,
} as const;

/**
 * Resets the HTTP/2 stream of a grpc-js server call. grpc-js has no public way for a handler to send
 * RST_STREAM, so this reaches the stream it keeps on the call (`call.call.stream`, grpc-js 1.10+ with
 * no server interceptors) and fails loudly if that ever moves, rather than pretending to reset.
 */
export function resetStream(call: object, code: number): void {
  const stream = (call as { call?: { stream?: ServerHttp2Stream } }).call?.stream;
  if (!stream || typeof stream.close !== 'function') {
    throw new Error(
      'cannot reach the HTTP/2 stream of a grpc-js call to reset it (grpc-js internals changed)',
    );
  }
  stream.close(code);
}
