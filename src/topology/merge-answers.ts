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

function mergeValues(values: readonly unknown[]): unknown {
  const [first] = values;
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

function uniteLists(lists: readonly unknown[][]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const list of lists) {
    for (const item of list) {
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
