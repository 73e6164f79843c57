const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Ctrl-C (SIGINT) and SIGTERM handling for a run: the first one aborts the returned signal (the run stops
 * within a turn of the virtual clock, writes what it measured marked incomplete, exits 130); a second
 * one, for when finishing takes too long, restores Node's default handling and re-raises, which ends the
 * process at once.
 */
export function catchInterrupts(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const dispose = () => {
    for (const name of STOP_SIGNALS) process.off(name, onSignal);
  };
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    dispose();
    process.kill(process.pid, name);
  };
  for (const name of STOP_SIGNALS) process.on(name, onSignal);
  return { signal: controller.signal, dispose };
}
