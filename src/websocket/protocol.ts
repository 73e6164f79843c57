import { z } from 'zod';

/** Where `faultline serve --ws` accepts analysis sessions. */
export const SESSION_PATH = '/api/ws';

/** Largest message either side accepts, as for the HTTP API's request bodies. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** A client's request in a session: the HTTP API's request, tagged with an id its reply carries back. */
export const sessionRequestSchema = z.strictObject({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.enum(['GET', 'POST']),
  path: z.string().min(1).max(2048),
  body: z.unknown().optional(),
});
export type SessionRequest = z.output<typeof sessionRequestSchema>;

/**
 * The server's reply: the HTTP status and body the HTTP API would send. The body travels as JSON text
 * so a malformed-body fault can damage it the way it damages an HTTP body.
 */
export const sessionReplySchema = z.strictObject({
  id: z.number().int().min(0),
  status: z.number().int().min(100).max(599),
  /** The exact wait a 429/503 asks for, where HTTP would send Retry-After. */
  retryAfterMs: z.number().min(0).optional(),
  /** Fault kinds that acted on this reply, as the x-faultline-fault header says over HTTP. */
  faults: z.array(z.string()).optional(),
  bodyText: z.string(),
});
export type SessionReply = z.output<typeof sessionReplySchema>;
