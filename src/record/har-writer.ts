import { type FileHandle, open } from 'node:fs/promises';
import { FaultlineError } from '../errors/faultline-error.ts';
import { FAULTLINE_VERSION } from '../runner/version.ts';
import type { HarEntry } from './har.ts';

/** Entries waiting for the disk beyond this many bytes are dropped (and counted) rather than held. */
export const MAX_PENDING_BYTES = 8 * 1024 * 1024;

export interface HarWriter {
  /** Queues one entry; returns false when it was dropped because the disk is behind. */
  add(entry: HarEntry): boolean;
  /** Resolves once everything queued so far is on disk. */
  flush(): Promise<void>;
  /** Flushes and closes the file; the file is valid HAR before, during and after. */
  close(): Promise<void>;
  readonly written: () => number;
  readonly dropped: () => number;
}

const HEAD = `{"log":{"version":"1.2","creator":${JSON.stringify({ name: 'faultline', version: FAULTLINE_VERSION })},"pages":[],"entries":[`;

/** What closes the document after the last entry; rewritten after each batch, so it can say what was dropped. */
function trailer(dropped: number): string {
  const comment =
    dropped === 0
      ? ''
      : `,"comment":${JSON.stringify(`faultline dropped ${dropped} entries: the disk fell behind`)}`;
  return `\n]${comment}}}\n`;
}

/**
 * Streams HAR to disk with bounded memory. Each batch of entries is written over the previous closing
 * brackets, followed by new ones, so the file on disk parses as complete HAR after every write: a
 * recording stopped by Ctrl-C, SIGTERM or a crash keeps every entry written before it.
 */
export async function openHarWriter(path: string): Promise<HarWriter> {
  let file: FileHandle;
  try {
    file = await open(path, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new FaultlineError(
      'RECORD_UNWRITABLE',
      `Cannot write the recording ${path} (${code}); check the folder exists and is writable.`,
      2,
      { cause: error },
    );
  }
  let offset = Buffer.byteLength(HEAD);
  let pending: string[] = [];
  let pendingBytes = 0;
  let written = 0;
  let dropped = 0;
  let closed = false;
  let failure: unknown;
  let chain: Promise<void> = file.write(HEAD + trailer(0), 0).then(
    () => undefined,
    (error: unknown) => {
      failure = error;
    },
  );

  const writeBatch = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    const body = (written === 0 ? '\n' : ',\n') + batch.join(',\n');
    await file.write(body + trailer(dropped), offset);
    offset += Buffer.byteLength(body);
    written += batch.length;
  };
  const schedule = () => {
    chain = chain.then(writeBatch).catch((error: unknown) => {
      failure ??= error;
    });
    return chain;
  };
  const failed = () =>
    new FaultlineError(
      'RECORD_UNWRITABLE',
      `Writing the recording ${path} failed (${(failure as NodeJS.ErrnoException).code ?? String(failure)}); check the disk.`,
      2,
      { cause: failure },
    );

  return {
    add(entry) {
      if (closed) return false;
      const text = JSON.stringify(entry);
      if (pendingBytes + text.length > MAX_PENDING_BYTES) {
        dropped++;
        return false;
      }
      const first = pending.length === 0;
      pending.push(text);
      pendingBytes += text.length;
      if (first) void schedule();
      return true;
    },
    async flush() {
      await schedule();
      if (failure !== undefined) throw failed();
    },
    async close() {
      if (closed) return chain;
      closed = true;
      await schedule();
      if (failure !== undefined) {
        await file.close();
        throw failed();
      }
      // The trailer again, in case entries were dropped after the last batch went out.
      const end = trailer(dropped);
      await file.write(end, offset);
      await file.truncate(offset + Buffer.byteLength(end));
      await file.close();
    },
    written: () => written,
    dropped: () => dropped,
  };
}
