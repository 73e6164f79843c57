import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { FaultlineError } from '../errors/faultline-error.ts';
import { readAccessLogLine } from './access-log.ts';
import { type Exchange, parseRetryAfter } from './exchange.ts';

/** HAR is parsed whole, so its size is bounded; JSON lines stream, bounded by entries only. */
export const MAX_HAR_BYTES = 512 * 1024 * 1024;
export const MAX_EXCHANGES = 2_000_000;

/** Only what fitting uses; everything else in a HAR file (pages, cookies, initiators...) is ignored. */
const harReadSchema = z.object({
  log: z.object({
    entries: z.array(
      z.object({
        startedDateTime: z.string(),
        time: z.number().min(0),
        request: z.object({ method: z.string(), url: z.string() }),
        response: z.object({
          status: z.number().int().min(0),
          headers: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
          _error: z.string().nullish(),
        }),
        _faultline: z
          .object({ outcome: z.string().optional(), upstreamError: z.string().optional() })
          .optional(),
      }),
    ),
  }),
});
type HarReadEntry = z.output<typeof harReadSchema>['log']['entries'][number];

/** Reads a HAR file (faultline's, a browser's, k6's) or faultline's JSON-lines access log, sorted by start. */
export async function readRecording(file: string): Promise<Exchange[]> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new FaultlineError('RECORDING_NOT_FOUND', `Cannot read the recording ${file}: no such file.`);
  }
  const ext = extname(file).toLowerCase();
  const jsonLines = ext === '.jsonl' || ext === '.ndjson' || ext === '.log';
  const raw = jsonLines ? await readJsonLines(file) : await readHar(file, size);
  if (raw.length === 0) return [];
  let first = Number.POSITIVE_INFINITY;
  for (const entry of raw) first = Math.min(first, entry.epochMs);
  return raw
    .map(({ epochMs, ...rest }) => ({ ...rest, startedMs: epochMs - first }))
    .sort((a, b) => a.startedMs - b.startedMs);
}

type RawExchange = Omit<Exchange, 'startedMs'> & { readonly epochMs: number };

async function readHar(file: string, size: number): Promise<RawExchange[]> {
  if (size > MAX_HAR_BYTES) {
    throw new FaultlineError(
      'RECORDING_TOO_LARGE',
      `${file} is ${size} bytes, over the ${MAX_HAR_BYTES}-byte limit for HAR; record to JSON lines (.jsonl) for longer captures.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new FaultlineError(
      'RECORDING_INVALID',
      `${file} is not JSON (${(error as Error).message}); give a HAR 1.2 file or JSON lines named .jsonl.`,
    );
  }
  const parsed = harReadSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : 'log';
    throw new FaultlineError(
      'RECORDING_INVALID',
      `${file} at ${where}: ${issue?.message ?? 'invalid'}; give a HAR 1.2 file (log.entries[]).`,
    );
  }
  const entries = parsed.data.log.entries;
  if (entries.length > MAX_EXCHANGES) {
    throw new FaultlineError(
      'RECORDING_TOO_LARGE',
      `${file} has ${entries.length} entries, over the limit of ${MAX_EXCHANGES}; fit a shorter window.`,
    );
  }
  return entries.map((entry, index) => fromHar(entry, file, index));
}

function fromHar(entry: HarReadEntry, file: string, index: number): RawExchange {
  const epochMs = Date.parse(entry.startedDateTime);
  if (Number.isNaN(epochMs)) {
    throw new FaultlineError(
      'RECORDING_INVALID',
      `${file} at log.entries.${index}.startedDateTime: "${entry.startedDateTime}" is not an ISO 8601 date.`,
    );
  }
  let path: string;
  try {
    path = new URL(entry.request.url, 'http://localhost').pathname;
  } catch {
    throw new FaultlineError('RECORDING_INVALID', `${file} at log.entries.${index}.request.url: not a URL.`);
  }
  const retryAfter = entry.response.headers.find((h) => h.name.toLowerCase() === 'retry-after')?.value;
  const retryAfterMs = parseRetryAfter(retryAfter, epochMs);
  const failure = harFailure(entry);
  return {
    epochMs,
    method: entry.request.method.toUpperCase(),
    path,
    status: entry.response.status,
    durationMs: entry.time,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(failure ? { failure } : {}),
  };
}

/** Below-HTTP failures, from faultline's own notes or the `_error` browsers write. */
function harFailure(entry: HarReadEntry): Exchange['failure'] {
  const upstream = entry._faultline?.upstreamError;
  if (upstream === 'ETIMEDOUT') return 'timeout';
  if (upstream === 'ECONNREFUSED') return 'refused';
  if (upstream === 'ECONNRESET' || upstream === 'UND_ERR_SOCKET') return 'reset';
  if (entry.response.status === 504 || entry.response.status === 408) return 'timeout';
  if (entry.response.status !== 0) return undefined;
  const outcome = entry._faultline?.outcome ?? '';
  const error = entry.response._error ?? '';
  if (outcome === 'aborted' || /ABORTED/i.test(error)) return 'aborted';
  if (/TIMED_OUT|timeout/i.test(error)) return 'timeout';
  if (/REFUSED/i.test(error)) return 'refused';
  return 'reset';
}

async function readJsonLines(file: string): Promise<RawExchange[]> {
  const out: RawExchange[] = [];
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (out.length >= MAX_EXCHANGES) {
      lines.close();
      throw new FaultlineError(
        'RECORDING_TOO_LARGE',
        `${file} has more than ${MAX_EXCHANGES} lines; fit a shorter window.`,
      );
    }
    out.push(readAccessLogLine(line, `${file}:${lineNumber}`));
  }
  return out;
}
