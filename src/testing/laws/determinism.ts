import type { Trace } from '../trial/trace.ts';
import { type Law, violation } from './law.ts';

/** The same scenario with the same seed gives the same trace, entry for entry. */
export const determinismLaw: Law = {
  name: 'determinism',
  statement: 'the same scenario and seed give the same trace',
  notApplicable: () => undefined,
  async check(trace, context) {
    const again = await context.rerun();
    const first = lines(trace);
    const second = lines(again);
    const length = Math.max(first.length, second.length);
    for (let i = 0; i < length; i++) {
      if (first[i] === second[i]) continue;
      return violation(
        `the second run of seed ${trace.scenario.seed ?? 0} differs at trace entry ${i + 1}: ${first[i] ?? '(nothing)'} the first time, ${second[i] ?? '(nothing)'} the second`,
      );
    }
    return undefined;
  },
};

/** Each entry as JSON, then how the trial ended. */
function lines(trace: Trace): string[] {
  return [...trace.entries.map((entry) => JSON.stringify(entry)), `${trace.ending} at ${trace.endMs} ms`];
}
