import type { Clock } from '../clock/clock.ts';
import { createRealClock, wallClockIso } from '../clock/real-clock.ts';
import type { ExchangeObserver } from '../http/proxy.ts';
import { createHarObserver } from './har-observer.ts';
import { openHarWriter } from './har-writer.ts';

export interface Recorder {
  /** Hand this to `startProxy({ observe })`. */
  readonly observe: ExchangeObserver;
  /** Entries on disk and dropped so far. */
  counts(): { readonly written: number; readonly dropped: number };
  /** Writes what is queued and closes the file (still valid HAR if this never runs). */
  close(): Promise<void>;
}

/** Records every exchange the proxy sees to a HAR 1.2 file, streamed to disk. */
export async function startRecording(
  path: string,
  options: { readonly bodies?: boolean; readonly clock?: Clock } = {},
): Promise<Recorder> {
  const clock = options.clock ?? createRealClock();
  const writer = await openHarWriter(path);
  const epochMs = Date.parse(wallClockIso()) - clock.now();
  const observe = createHarObserver({
    clock,
    epochMs,
    bodies: options.bodies,
    onEntry: (entry) => writer.add(entry),
  });
  return {
    observe,
    counts: () => ({ written: writer.written(), dropped: writer.dropped() }),
    close: () => writer.close(),
  };
}
