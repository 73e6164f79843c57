import {
  Metadata,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServerWritableStream,
  type StatusObject,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { requestText } from '../analysis/request-text.ts';
import { splitSentences } from '../analysis/sentences.ts';
import type { BackendRequest } from '../backend/contract.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { corruptBody } from '../faults/corrupt-body.ts';
import type { EffectFailure, FaultEffect } from '../faults/effect.ts';
import type { FaultController } from '../http/fault-controller.ts';
import { FAULT_HEADER, sleepUnlessClosed } from '../http/fault-delivery.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../http/server.ts';
import type { Logger } from '../logging/logger.ts';
import {
  GRPC_CODES,
  GRPC_PUSHBACK_KEY,
  type GrpcCodeName,
  grpcCodeForStatus,
} from '../protocols/fault-mapping.ts';
import {
  logListening,
  type ProtocolCalls,
  type ProtocolServerOptions,
  protocolServerSetup,
} from '../protocols/server-options.ts';
import {
  type AnalysisReplyMessage,
  analysisService,
  RPC_BY_ROUTE,
  STREAM_RPC,
  type TextRequest,
} from './service.ts';
import { RESET_CODE, resetStream } from './stream-reset.ts';

export type GrpcServerOptions = ProtocolServerOptions;

export interface RunningGrpcServer {
  /** `grpc://host:port`, what the `grpc` plugin's `url` option takes. */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultController;
  /** Ends every call (hung ones included) and stops listening. */
  close(): Promise<void>;
}

type AnyCall =
  | ServerUnaryCall<TextRequest, AnalysisReplyMessage>
  | ServerWritableStream<TextRequest, AnalysisReplyMessage>;

/**
 * The analysis API as a gRPC service (src/grpc/analysis.proto), answered by the same analyser as the
 * HTTP server, with the scenario's faults delivered in gRPC's own terms (src/protocols/fault-mapping.ts).
 */
export async function startGrpcServer(options: GrpcServerOptions = {}): Promise<RunningGrpcServer> {
  const setup = protocolServerSetup(options, 'grpc');
  const { host } = setup;
  const deps = setup.calls;
  const { logger, faults } = deps;
  const implementation: UntypedServiceImplementation = {};
  for (const [route, rpc] of Object.entries(RPC_BY_ROUTE)) {
    implementation[rpc] = (
      call: ServerUnaryCall<TextRequest, AnalysisReplyMessage>,
      done: sendUnaryData<AnalysisReplyMessage>,
    ) => void unary(route, call, done, deps).catch((error: unknown) => internalError(error, done, logger));
  }
  implementation[STREAM_RPC] = (call: ServerWritableStream<TextRequest, AnalysisReplyMessage>) =>
    void stream(call, deps).catch((error: unknown) => {
      logger.error({ err: error }, 'gRPC stream failed');
      failStream(
        call,
        Object.assign(new Error('internal error; see the server log'), { code: GRPC_CODES.INTERNAL }),
      );
    });

  // Bounds like the HTTP server's: a 1 MiB request, and a cap on calls in flight per connection.
  const server = new Server({
    'grpc.max_receive_message_length': DEFAULT_MAX_BODY_BYTES,
    'grpc.max_concurrent_streams': 1024,
  });
  server.addService(analysisService().service, implementation);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${shownHost}:${setup.port}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(bindError(error, host, setup.port)) : resolve(bound),
    ),
  );
  const url = `grpc://${shownHost}:${port}`;
  logListening(setup, 'gRPC', url);
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    faults,
    close() {
      // forceShutdown cancels calls still open (hung ones), where tryShutdown would wait for them.
      closing ??= Promise.resolve(server.forceShutdown());
      return closing;
    },
  };
}

async function unary(
  route: string,
  call: ServerUnaryCall<TextRequest, AnalysisReplyMessage>,
  done: sendUnaryData<AnalysisReplyMessage>,
  deps: ProtocolCalls,
): Promise<void> {
  if (!authorised(call, deps)) return done(unauthenticated());
  const request = backendRequest(route, call.request);
  const effect = deps.faults.effectFor(request);
  const signal = cancelSignal(call);
  if (!(await sleepUnlessClosed(effect.delayMs, { clock: deps.clock, signal }))) return;
  if (effect.failure) return deliverFailure(effect.failure, effect, call, done, signal, deps);
  const answer = await deps.backend.call(request, { clock: deps.clock, rng: deps.rng, signal });
  if (signal.aborted) return;
  if (answer.status !== 200) return done(statusOf(answer.status, JSON.stringify(answer.body)));
  const bodyJson = effect.corrupt ? corruptBody(answer.body, effect.corrupt) : JSON.stringify(answer.body);
  if (effect.injected.length > 0) return done(null, { body_json: bodyJson }, faultTrailer(effect));
  done(null, { body_json: bodyJson });
}

/**
 * AnalyzeStream: one /api/analyze reply per sentence, in order. The call meets the faults once, as a
 * whole; a reset or refusal cuts the stream after the first reply.
 */
async function stream(
  call: ServerWritableStream<TextRequest, AnalysisReplyMessage>,
  deps: ProtocolCalls,
): Promise<void> {
  if (!authorised(call, deps))
    return void failStream(call, Object.assign(new Error('unauthenticated'), unauthenticated()));
  const request = backendRequest('/api/analyze', call.request);
  const effect = deps.faults.effectFor(request);
  const signal = cancelSignal(call);
  const ctx = { clock: deps.clock, signal };
  if (!(await sleepUnlessClosed(effect.delayMs, ctx))) return;
  // The text is checked as /api/analyze checks it (blank, too long), before any sentence is answered.
  const text = requestText({ text: call.request.text ?? '' });
  if (typeof text !== 'string') {
    return failStream(
      call,
      Object.assign(new Error('invalid text'), statusOf(text.status, JSON.stringify(text.body))),
    );
  }
  const failure = effect.failure;
  if (failure && failure.type !== 'network') {
    return deliverFailure(
      failure,
      effect,
      call,
      (status) => failStream(call, Object.assign(new Error(status?.details ?? ''), status)),
      signal,
      deps,
    );
  }
  for (const [index, sentence] of splitSentences(text).entries()) {
    // Each sentence goes through the backend, so a scenario's base latency applies per reply.
    const sentenceRequest: BackendRequest = {
      method: 'POST',
      path: '/api/analyze',
      body: { text: sentence.text },
    };
    const reply = await deps.backend.call(sentenceRequest, { clock: deps.clock, rng: deps.rng, signal });
    if (signal.aborted) return;
    const bodyJson = effect.corrupt ? corruptBody(reply.body, effect.corrupt) : JSON.stringify(reply.body);
    call.write({ body_json: bodyJson });
    // A network failure on a stream strikes mid-stream: after the first reply, as a dropped stream does.
    if (failure && index === 0)
      return resetStream(call, failure.error === 'reset' ? RESET_CODE.reset : RESET_CODE.refused);
  }
  if (failure) return resetStream(call, failure.error === 'reset' ? RESET_CODE.reset : RESET_CODE.refused);
  call.end(effect.injected.length > 0 ? faultTrailer(effect) : undefined);
}

/** A fault plan's failure in gRPC terms; see the `PROTOCOL_FAULTS` table for the whole mapping. */
async function deliverFailure(
  failure: EffectFailure,
  effect: FaultEffect,
  call: AnyCall,
  done: (status: Partial<StatusObject> | null) => void,
  signal: AbortSignal,
  deps: ProtocolCalls,
): Promise<void> {
  switch (failure.type) {
    case 'status': {
      const trailer = faultTrailer(effect);
      if (failure.retryAfterMs !== undefined)
        trailer.set(GRPC_PUSHBACK_KEY, String(Math.round(failure.retryAfterMs)));
      return done({
        ...statusOf(failure.status, `faultline injected HTTP ${failure.status}`),
        metadata: trailer,
      });
    }
    case 'network':
      return resetStream(call, failure.error === 'reset' ? RESET_CODE.reset : RESET_CODE.refused);
    case 'hang':
      // No reply and no status: the call ends when the client's deadline passes or it cancels.
      return closed(signal);
    case 'timeout':
      if (!(await sleepUnlessClosed(failure.afterMs, { clock: deps.clock, signal }))) return;
      return done({
        code: GRPC_CODES.DEADLINE_EXCEEDED,
        details: `faultline injected a timeout after ${failure.afterMs} ms`,
        metadata: faultTrailer(effect),
      });
  }
}

function backendRequest(route: string, message: TextRequest): BackendRequest {
  return route === '/api/health'
    ? { method: 'GET', path: route }
    : { method: 'POST', path: route, body: { text: message.text ?? '' } };
}

function statusOf(status: number, details: string): Partial<StatusObject> {
  const name: GrpcCodeName = grpcCodeForStatus(status);
  return { code: GRPC_CODES[name], details };
}

function faultTrailer(effect: FaultEffect): Metadata {
  const trailer = new Metadata();
  if (effect.injected.length > 0) trailer.set(FAULT_HEADER, effect.injected.join(','));
  return trailer;
}

function authorised(call: AnyCall, deps: ProtocolCalls): boolean {
  if (!deps.auth) return true;
  const [value] = call.metadata.get('authorization');
  return deps.auth(typeof value === 'string' ? value : undefined);
}

function unauthenticated(): Partial<StatusObject> {
  return {
    code: GRPC_CODES.UNAUTHENTICATED,
    details: 'missing or wrong Bearer token in the authorization metadata',
  };
}

/** Aborts when the client cancels the call or its deadline passes (grpc-js emits 'cancelled'). */
function cancelSignal(call: AnyCall): AbortSignal {
  const controller = new AbortController();
  call.once('cancelled', () => controller.abort());
  return controller.signal;
}

/** Ends a server stream with a status: grpc-js sends it when the stream's 'error' is emitted (not on destroy). */
function failStream(call: ServerWritableStream<TextRequest, AnalysisReplyMessage>, error: Error): void {
  call.emit('error', error);
}

function closed(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function internalError(error: unknown, done: sendUnaryData<AnalysisReplyMessage>, logger: Logger): void {
  logger.error({ err: error }, 'gRPC call failed');
  done({ code: GRPC_CODES.INTERNAL, details: 'internal error; see the server log' });
}

function bindError(error: Error, host: string, port: number): Error {
  const inUse = /EADDRINUSE|address already in use/i.test(error.message);
  return new FaultlineError(
    inUse ? 'PORT_IN_USE' : 'HOST_UNAVAILABLE',
    inUse
      ? `Cannot serve gRPC on ${host}:${port}: the port is in use. Pick another --grpc port.`
      : `Cannot serve gRPC on ${host}:${port}: ${error.message}. Check --host and --grpc.`,
  );
}
