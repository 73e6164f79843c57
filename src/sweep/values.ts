import { MAX_SWEEP_VALUES } from '../scenario/limits.ts';
import { formatDuration, parseDuration } from '../util/duration.ts';
import type { VariantValue } from '../work/work-unit.ts';

export type ParsedValues =
  | { readonly ok: true; readonly values: readonly VariantValue[] }
  | { readonly ok: false; readonly problem: string };

const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const INTEGER = /^-?\d+$/;

/**
 * The values one swept path takes, written as a list (`1,2,3`, `true,false`, `on,off`, `100ms,1s`), an
 * integer range (`1..5`) or evenly spaced steps between two numbers or durations (`0.1..0.5:5`,
 * `100ms..2s:5`). Numbers become numbers, true/false booleans; anything else stays text for the
 * scenario schema to read (a duration as written, a choice).
 */
export function parseValues(spec: string): ParsedValues {
  const text = spec.trim();
  if (text === '') return fail('no values; write a list (1,2,3), a range (1..5) or steps (100ms..2s:5)');
  const range = /^([^,]+?)\.\.([^,:]+?)(?::(\d+))?$/.exec(text);
  const values = range ? rangeValues(range[1] as string, range[2] as string, range[3]) : listValues(text);
  if (!values.ok) return values;
  if (values.values.length > MAX_SWEEP_VALUES) {
    return fail(
      `${values.values.length} values, over MAX_SWEEP_VALUES = ${MAX_SWEEP_VALUES}; use fewer steps`,
    );
  }
  const seen = new Set<string>();
  for (const value of values.values) {
    const key = JSON.stringify(value);
    if (seen.has(key)) return fail(`lists ${key} twice; each value once`);
    seen.add(key);
  }
  return values;
}

function listValues(text: string): ParsedValues {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === ''))
    return fail(`"${text}" has an empty item; separate values with one comma`);
  if (items.length > MAX_SWEEP_VALUES) {
    return fail(`${items.length} values, over MAX_SWEEP_VALUES = ${MAX_SWEEP_VALUES}`);
  }
  return { ok: true, values: items.map(scalar) };
}

/** One written value: a number, a boolean, or text as written. */
export function scalar(item: string): VariantValue {
  if (item === 'true') return true;
  if (item === 'false') return false;
  return NUMBER.test(item) ? Number(item) : item;
}

function rangeValues(fromText: string, toText: string, stepsText: string | undefined): ParsedValues {
  const [from, to] = [fromText.trim(), toText.trim()];
  const numeric = NUMBER.test(from) && NUMBER.test(to);
  if (stepsText === undefined) {
    if (!(INTEGER.test(from) && INTEGER.test(to))) {
      return fail(
        `${from}..${to}: a range without steps takes integers; add the number of steps, e.g. ${from}..${to}:5`,
      );
    }
    const [a, b] = [Number(from), Number(to)];
    if (b < a) return fail(`${from}..${to} runs backwards; write the smaller value first`);
    if (b - a + 1 > MAX_SWEEP_VALUES) {
      return fail(`${from}..${to} has ${b - a + 1} values, over MAX_SWEEP_VALUES = ${MAX_SWEEP_VALUES}`);
    }
    return { ok: true, values: Array.from({ length: b - a + 1 }, (_, i) => a + i) };
  }
  const steps = Number(stepsText);
  if (steps < 2 || steps > MAX_SWEEP_VALUES) {
    return fail(`${from}..${to}:${stepsText}: steps must be 2 to ${MAX_SWEEP_VALUES} (MAX_SWEEP_VALUES)`);
  }
  const a = numeric ? Number(from) : parseDuration(from);
  const b = numeric ? Number(to) : parseDuration(to);
  if (a === undefined || b === undefined || (!numeric && (NUMBER.test(from) || NUMBER.test(to)))) {
    return fail(
      `${from}..${to}: both ends must be numbers (0.1..0.5:5) or durations with units (100ms..2s:5)`,
    );
  }
  if (b <= a) return fail(`${from}..${to} does not increase; write the smaller value first`);
  const at = (i: number) => round(a + ((b - a) * i) / (steps - 1));
  const values = Array.from({ length: steps }, (_, i) => (numeric ? at(i) : formatDuration(at(i))));
  return { ok: true, values };
}

/** Twelve significant digits: 0.1 + 0.2 steps read 0.3, not 0.30000000000000004. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}

function fail(problem: string): ParsedValues {
  return { ok: false, problem };
}
