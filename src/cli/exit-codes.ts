/** What a CI can act on: pass, a hypothesis failed, bad usage or input, interrupted (128 + SIGINT). */
export const ExitCode = {
  Pass: 0,
  HypothesisFailed: 1,
  Usage: 2,
  Interrupted: 130,
} as const;

/** Commands report their exit code through this instead of exiting, so main(argv) can return it. */
export type SetExitCode = (code: number) => void;
