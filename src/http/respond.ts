import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Bytes of a JSON body; a string body (already damaged by a fault) is sent as it is. */
export function json(body: unknown): Buffer {
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

export function writeBody(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
): void {
  res.writeHead(status, { ...headers, 'content-length': body.length });
  res.end(body);
}

/** A 4xx/5xx in the API's error shape: `{ error: { code, message } }`, one line a person can act on. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): string {
  writeBody(
    res,
    status,
    { 'content-type': 'application/json', ...headers },
    json({ error: { code, message } }),
  );
  return String(status);
}
