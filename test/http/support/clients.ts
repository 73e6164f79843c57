import { request } from 'node:http';

/** What a node:http client saw: a full response, or the error code the request failed with. */
export type NodeOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: Buffer;
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

export interface NodeRequestInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer | string | readonly Buffer[];
}

/**
 * One request with node:http and a fresh connection (`agent: false`), settled as an outcome so tests can
 * assert on an error code as easily as on a status.
 */
export function nodeRequest(url: string, init: NodeRequestInit = {}): Promise<NodeOutcome> {
  return new Promise((resolve) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ ok: true, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (error: NodeJS.ErrnoException) => resolve(failed(error)));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(failed(error)));
    const { body } = init;
    if (Array.isArray(body)) {
      for (const chunk of body) req.write(chunk);
      req.end();
    } else req.end(body as Buffer | string | undefined);
  });
}

function failed(error: NodeJS.ErrnoException): NodeOutcome {
  return { ok: false, code: error.code ?? error.name, message: error.message };
}

/** What fetch saw: a response (body read as bytes), or the code of the error under fetch's TypeError. */
export type FetchOutcome =
  | { readonly ok: true; readonly status: number; readonly headers: Headers; readonly body: Buffer }
  | { readonly ok: false; readonly code: string; readonly message: string };

export async function fetchOutcome(url: string, init: RequestInit = {}): Promise<FetchOutcome> {
  try {
    const res = await fetch(url, init);
    return { ok: true, status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const named = error as { name?: string; message?: string };
    return {
      ok: false,
      code: cause?.code ?? named.name ?? 'UNKNOWN',
      message: cause?.message ?? named.message ?? '',
    };
  }
}

export const jsonPost = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const nodeJsonPost = (body: unknown): NodeRequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Polls `check` on the event loop (bounded) until it holds; for states reached asynchronously, not timing. */
export async function eventually(check: () => Promise<boolean> | boolean, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}
