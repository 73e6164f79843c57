import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import type { Rng } from '../rng/rng.ts';
import type { RequestTrace } from './run-tracer.ts';

export interface OtlpExportOptions {
  /** OTLP/HTTP traces endpoint, e.g. http://127.0.0.1:4318/v1/traces. */
  readonly url: string;
  readonly scenario: string;
  readonly seed: number;
  /** Wall-clock epoch (ms) the run's time 0 maps to: spans keep the run's own (virtual) timings. */
  readonly epochMs: number;
  /** Trace and span ids come from here, so the same run exports the same ids. */
  readonly rng: Rng;
}

/**
 * Exports recorded requests with the OpenTelemetry SDK over OTLP/HTTP: one trace per request, its root
 * span the request (outcome and code as attributes), a child span per backend call (backend, attempt
 * number, error code). Call after the run, on the real clock: the exporter needs real timers.
 */
export async function exportTraces(
  requests: readonly RequestTrace[],
  options: OtlpExportOptions,
): Promise<void> {
  // Loaded on first use, so importing 'faultline' (every plugin does) does not load the SDK.
  const [{ ROOT_CONTEXT, SpanStatusCode, trace }, { OTLPTraceExporter }, { resourceFromAttributes }, sdk] =
    await Promise.all([
      import('@opentelemetry/api'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
    ]);
  const { BasicTracerProvider, BatchSpanProcessor } = sdk;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'faultline',
      'faultline.scenario': options.scenario,
      'faultline.seed': options.seed,
    }),
    idGenerator: idsFrom(options.rng),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: options.url }), {
        maxQueueSize: 100_000,
        maxExportBatchSize: 1000,
      }),
    ],
  });
  const tracer = provider.getTracer('faultline');
  const at = (ms: number) => options.epochMs + ms;
  for (const request of requests) {
    const endMs = Number.isFinite(request.endMs) ? request.endMs : request.startMs;
    const root = tracer.startSpan(
      `${request.method} ${request.path}`,
      {
        startTime: at(request.startMs),
        attributes: {
          'http.request.method': request.method,
          'url.path': request.path,
          'faultline.outcome': request.outcome ?? 'unfinished',
          ...(request.code !== undefined && { 'faultline.error.code': request.code }),
          'faultline.attempts': request.attempts.length,
        },
      },
      ROOT_CONTEXT,
    );
    if (request.outcome === 'failed') root.setStatus({ code: SpanStatusCode.ERROR, message: request.code });
    const parent = trace.setSpan(ROOT_CONTEXT, root);
    request.attempts.forEach((call, index) => {
      const span = tracer.startSpan(
        'attempt',
        {
          startTime: at(call.startMs),
          attributes: {
            'faultline.backend': call.backend,
            'faultline.attempt': index + 1,
            ...(call.code !== undefined && { 'faultline.error.code': call.code }),
          },
        },
        parent,
      );
      if (call.code !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: call.code });
      span.end(at(Number.isFinite(call.endMs) ? call.endMs : endMs));
    });
    root.end(at(endMs));
  }
  await provider.forceFlush();
  await provider.shutdown();
}

function idsFrom(rng: Rng): IdGenerator {
  const hex = (bytes: number) => {
    let out = '';
    for (let i = 0; i < bytes; i++) out += rng.int(0, 255).toString(16).padStart(2, '0');
    return out;
  };
  return { generateTraceId: () => hex(16), generateSpanId: () => hex(8) };
}
