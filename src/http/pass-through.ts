import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { endToEndRawHeaders } from './hop-by-hop.ts';

export interface PassThroughHooks {
  /** Why this response must not reach the client (a redirect off the allowlist), or undefined. */
  refuse(status: number, headers: IncomingHttpHeaders): string | undefined;
  /** Response headers as the client should see them, as a flat [name, value, ...] list. */
  rewrite(headers: IncomingHttpHeaders): OutgoingHttpHeader[];
}

/** How a forwarded exchange ended: the upstream status streamed, a refusal, or an error. */
export type PassThroughResult =
  | { readonly type: 'streamed'; readonly status: number }
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'failed'; readonly error: Error; readonly headersSent: boolean };

/**
 * Forwards one request and streams the upstream's answer into `res` chunk by chunk, with backpressure
 * both ways. Uses undici's dispatcher directly: no intermediate stream objects and no AbortController per
 * request, the cheapest path undici offers. A client that goes away aborts the upstream exchange.
 */
export function passThrough(
  dispatcher: Dispatcher,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  hooks: PassThroughHooks,
): Promise<PassThroughResult> {
  return new Promise((resolve) => {
    const exchange = new Exchange(res, hooks, resolve);
    dispatcher.dispatch(
      {
        method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
        path,
        headers: endToEndRawHeaders(req.rawHeaders),
        body: hasBody(req.rawHeaders) ? req : null,
      },
      exchange,
    );
  });
}

/**
 * One exchange's undici handler. A class rather than closures: the proxy's hot path allocates one object
 * per request and V8 shares the methods.
 */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  /** Body bytes still expected when the upstream declared a length, so the last chunk can end the response. */
  private remaining = -1;
  private settled = false;
  private readonly onClientGone = () => {
    if (!this.settled && !this.res.writableFinished)
      this.controller?.abort(new Error('the client closed the connection'));
  };

  constructor(
    private readonly res: ServerResponse,
    private readonly hooks: PassThroughHooks,
    private readonly resolve: (result: PassThroughResult) => void,
  ) {
    // Left on rather than removed per request: `res` lives no longer than the exchange, and once the
    // exchange has settled the listener does nothing.
    res.on('close', this.onClientGone);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.res.destroyed) controller.abort(new Error('the client closed the connection'));
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    const reason = this.hooks.refuse(status, headers);
    if (reason) {
      this.finish({ type: 'refused', reason });
      controller.abort(new Error(reason));
      return;
    }
    this.status = status;
    const length = headers['content-length'];
    if (typeof length === 'string') this.remaining = Number(length);
    this.res.writeHead(status, this.hooks.rewrite(headers));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.status === 0) return;
    if (this.remaining >= 0) {
      this.remaining -= chunk.length;
      // Ending with the last chunk saves a separate end() pass through the stream machinery.
      if (this.remaining === 0) {
        this.res.end(chunk);
        return;
      }
    }
    if (this.res.write(chunk)) return;
    controller.pause();
    this.res.once('drain', () => controller.resume());
  }

  onResponseEnd(): void {
    if (!this.res.writableEnded) this.res.end();
    this.finish({ type: 'streamed', status: this.status });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.status !== 0 && !this.res.destroyed) this.res.destroy(error);
    this.finish({ type: 'failed', error, headersSent: this.status !== 0 });
  }

  private finish(result: PassThroughResult): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(result);
  }
}

/** Whether a request carries a body, read from the raw list so node does not build its header object. */
export function hasBody(raw: readonly string[]): boolean {
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (name === 'transfer-encoding' || (name === 'content-length' && raw[i + 1] !== '0')) return true;
  }
  return false;
}
