/**
 * Real elapsed time that the virtual clock cannot fake: fake-timers replaces `Date` and `performance`
 * during a simulation, but not `process.hrtime`. For progress bars and ETAs shown while a simulation runs.
 */
export function startStopwatch(): () => number {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e6;
}
