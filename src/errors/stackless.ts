/**
 * Simulated failures are made by the thousand per run, and V8 captures a stack for each Error as it is
 * built: a cost that buys nothing, since the frames are the simulator's own and say nothing about the
 * fault. Errors that stand for a simulated outcome (a status, a refused call, a cancelled hedge) are
 * built with stack capture off; errors that report a bug keep theirs.
 */

/** Turns stack capture off (around code that builds errors it does not own) and returns how to turn it back on. */
export function pauseStackCapture(): () => void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

/** The base of errors that stand for a simulated outcome: built without a stack. */
export class StacklessError extends Error {
  constructor(message: string) {
    // Inline rather than pauseStackCapture(): no closure for an error made per simulated call.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
