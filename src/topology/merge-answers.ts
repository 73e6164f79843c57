import { deepFreeze } from '../util/deep-freeze.ts';

/**
 * Merges JSON answers from several backends without knowing their schema: lists are united (deduplicated
 * by content), strings and booleans go to the majority (ties to the earliest backend), numbers to the
 * median. The merged answer names which backends answered and which failed.
 */
export function mergeAnswers(
  answered: readonly { name: string; value: unknown }[],
  failed: readonly { name: string; code: string }[],
): unknown {
  const merged = mergeValues(answered.map((a) => a.value));
  const sources = { answered: answered.map((a) => a.name), failed };
  return isRecord(merged) ? { ...merged, sources } : { value: merged, sources };
}

/**
 * What one frozen answer merges to when every backend gave that very object (the in-process analyser
 * shares one frozen body per text): computed once per body instead of once per request.
 */
const mergedAlone = new WeakMap<object, unknown>();

function mergeValues(values: readonly unknown[]): unknown {
  const [first] = values;
  // n copies of one value merge as that value alone: a list's copies add no new items, a number's median
  // and a string's majority are the value itself.
  if (values.length > 0 && values.every((value) => value === first)) return mergeSame(first);
  if (values.every(Array.isArray)) return uniteLists(values as unknown[][]);
  if (values.every(isRecord)) {
    const keys = [...new Set(values.flatMap((v) => Object.keys(v as object)))];
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const present = values.map((v) => (v as Record<string, unknown>)[key]).filter((v) => v !== undefined);
      out[key] = mergeValues(present);
    }
    return out;
  }
  if (values.every((v) => typeof v === 'number')) return median(values as number[]);
  return majority(values) ?? first;
}

/** mergeValues([value]): primitives are themselves; objects still lose repeated list items. */
function mergeSame(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (!Object.isFrozen(value)) return mergeShape(value);
  let merged = mergedAlone.get(value);
  if (merged === undefined) {
    // Frozen like its source, so sharing it between requests cannot leak one caller's change to another.
    merged = deepFreeze(mergeShape(value));
    mergedAlone.set(value, merged);
  }
  return merged;
}

function mergeShape(value: object): unknown {
  if (Array.isArray(value)) return uniteLists([value]);
  const out: Record<string, unknown> = {};
  // A key whose value is undefined has nothing present to merge: mergeValues([]) as in the general path.
  for (const [key, child] of Object.entries(value))
    out[key] = child === undefined ? mergeValues([]) : mergeSame(child);
  return out;
}

function uniteLists(lists: readonly unknown[][]): unknown[] {
  const seen = new Set<string>();
  // The same object twice has the same content: known without serialising it again.
  const seenObjects = new Set<unknown>();
  const out: unknown[] = [];
  for (const list of lists) {
    for (const item of list) {
      const isObject = typeof item === 'object' && item !== null;
      if (isObject && seenObjects.has(item)) continue;
      if (isObject) seenObjects.add(item);
      const key = JSON.stringify(item);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(item);
      }
    }
  }
  return out;
}

function majority(values: readonly unknown[]): unknown {
  const counts = new Map<string, { value: unknown; count: number }>();
  for (const value of values) {
    const key = JSON.stringify(value);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value, count: 1 });
  }
  let best: { value: unknown; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.value;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
