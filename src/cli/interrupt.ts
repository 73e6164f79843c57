/**
 * Ctrl-C handling for a run: the first SIGINT aborts the returned signal (the run stops, writes what it
 * measured marked incomplete, exits 130); a second one, for when finishing takes too long, restores
 * Node's default handling and re-raises, which ends the process at once.
 */
export function catchInterrupts(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    process.off('SIGINT', onSigint);
    process.kill(process.pid, 'SIGINT');
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
