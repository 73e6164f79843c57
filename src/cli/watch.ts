import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createRealClock } from '../clock/real-clock.ts';

// Editors save in bursts (write, rename, chmod): wait for the burst to end before rerunning.
const SETTLE_MS = 150;

/**
 * Resolves when one of `files` changes, or when `signal` aborts. Watches the folders rather than the
 * files, because editors that save by renaming replace the file a watcher was attached to.
 */
export function nextChange(
  files: readonly string[],
  signal: AbortSignal,
  onWatching: () => void = () => {},
): Promise<'changed' | 'aborted'> {
  const wanted = new Set(files.map((file) => resolve(file)));
  const folders = [...new Set([...wanted].map((file) => dirname(file)))];
  return new Promise((done) => {
    const watchers: FSWatcher[] = [];
    let settled = false;
    const finish = (how: 'changed' | 'aborted') => {
      if (settled) return;
      settled = true;
      for (const watcher of watchers) watcher.close();
      signal.removeEventListener('abort', onAbort);
      done(how);
    };
    const onAbort = () => finish('aborted');
    if (signal.aborted) return finish('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    for (const folder of folders) {
      watchers.push(
        watch(folder, (_event, name) => {
          if (name === null || !wanted.has(resolve(folder, basename(name.toString())))) return;
          createRealClock()
            .sleep(SETTLE_MS)
            .then(() => finish('changed'));
        }),
      );
    }
    // Only now is a change noticed; saying so earlier would invite edits that go unseen.
    onWatching();
  });
}
