import { z } from 'zod';

/**
 * The parts of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) faultline writes and reads.
 * Reading is lenient about what it does not use, so files from browser devtools, k6 or WireMock load;
 * what it does use is checked, so a broken file fails with the entry and field named.
 */
const harHeaderSchema = z.object({ name: z.string(), value: z.string() });
export type HarHeader = z.output<typeof harHeaderSchema>;

const harTimingsSchema = z.object({
  blocked: z.number().optional(),
  dns: z.number().optional(),
  connect: z.number().optional(),
  send: z.number(),
  wait: z.number(),
  receive: z.number(),
  ssl: z.number().optional(),
});

export const harEntrySchema = z.object({
  startedDateTime: z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not an ISO 8601 date'),
  /** Total elapsed ms of the exchange. */
  time: z.number().min(0),
  request: z.object({
    method: z.string(),
    url: z.string(),
    httpVersion: z.string(),
    cookies: z.array(z.unknown()),
    headers: z.array(harHeaderSchema),
    queryString: z.array(harHeaderSchema),
    headersSize: z.number(),
    bodySize: z.number(),
    postData: z.object({ mimeType: z.string(), text: z.string().optional() }).optional(),
  }),
  response: z.object({
    /** 0 when no response arrived (a reset, the client gone): browsers write it so. */
    status: z.number().int().min(0).max(999),
    statusText: z.string(),
    httpVersion: z.string(),
    cookies: z.array(z.unknown()),
    headers: z.array(harHeaderSchema),
    content: z.object({
      size: z.number(),
      mimeType: z.string(),
      text: z.string().optional(),
      encoding: z.string().optional(),
      comment: z.string().optional(),
    }),
    redirectURL: z.string(),
    headersSize: z.number(),
    bodySize: z.number(),
    /** Chrome's field for a failed request, e.g. "net::ERR_CONNECTION_RESET". */
    _error: z.string().optional(),
  }),
  cache: z.object({}).loose(),
  timings: harTimingsSchema,
  /** Custom field (HAR allows `_` names): what the proxy knew that the wire does not say. */
  _faultline: z
    .object({
      /** How the proxy's exchange ended when no status tells it: reset, aborted, hang, no-reply. */
      outcome: z.string().optional(),
      /** The upstream's network error behind a 502/504 the proxy answered itself, e.g. ECONNRESET. */
      upstreamError: z.string().optional(),
    })
    .optional(),
});
export type HarEntry = z.output<typeof harEntrySchema>;

export const harSchema = z.object({
  log: z.object({
    version: z.string(),
    creator: z.object({ name: z.string(), version: z.string() }),
    entries: z.array(harEntrySchema),
    comment: z.string().optional(),
  }),
});
export type Har = z.output<typeof harSchema>;
