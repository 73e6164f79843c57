import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { endToEndRawHeaders } from './hop-by-hop.ts';

export interface PassThroughHooks {
  /** Why this response must not reach the client (a redirect off the allowlist), or undefined. */
  refuse(status: number, headers: IncomingHttpHeaders): string | undefined;
  /** Response headers as the client should see them. */
  rewrite(headers: IncomingHttpHeaders): OutgoingHttpHeaders;
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
    let controller: Dispatcher.DispatchController | undefined;
    let status = 0;
    const onClientGone = () => {
      if (!res.writableFinished) controller?.abort(new Error('the client closed the connection'));
    };
    res.once('close', onClientGone);
    const finish = (result: PassThroughResult) => {
      res.off('close', onClientGone);
      resolve(result);
    };
    dispatcher.dispatch(
      {
        method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
        path,
        headers: endToEndRawHeaders(req.rawHeaders),
        body: hasBody(req.rawHeaders) ? req : null,
      },
      {
        onRequestStart(started) {
          controller = started;
          if (res.destroyed) started.abort(new Error('the client closed the connection'));
        },
        onResponseStart(_controller, statusCode, headers) {
          const reason = hooks.refuse(statusCode, headers);
          if (reason) {
            finish({ type: 'refused', reason });
            controller?.abort(new Error(reason));
            return;
          }
          status = statusCode;
          res.writeHead(statusCode, hooks.rewrite(headers));
        },
        onResponseData(active, chunk) {
          if (status === 0 || res.write(chunk)) return;
          active.pause();
          res.once('drain', () => active.resume());
        },
        onResponseEnd() {
          res.end();
          finish({ type: 'streamed', status });
        },
        onResponseError(_controller, error) {
          if (status !== 0 && !res.destroyed) res.destroy(error);
          finish({ type: 'failed', error, headersSent: status !== 0 });
        },
      },
    );
  });
}

/** Whether a request carries a body, read from the raw list so node does not build its header object. */
export function hasBody(raw: readonly string[]): boolean {
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (name === 'transfer-encoding' || (name === 'content-length' && raw[i + 1] !== '0')) return true;
  }
  return false;
}
