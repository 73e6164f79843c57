import { z } from 'zod';

/** How a fan-out turns its sources' fallacy lists into one: see `aggregateFallacies`. */
export const fanOutMergeSchema = z.enum(['union', 'majority', 'highest-confidence']);
export type FanOutMerge = z.output<typeof fanOutMergeSchema>;

/** One fallacy type of the merged answer, with the sources that reported it. */
export interface AggregatedFallacy {
  type: string;
  confidence: number;
  sources: string[];
}

interface Report {
  source: string;
  /** Fallacy type → the source's highest confidence for it (a type reported twice counts once). */
  types: Map<string, number>;
}

/**
 * Merges the `fallacies` lists of a fan-out's answers by `strategy`; undefined when no answer has one
 * (not an analysis route). A fallacy is known by `type` (else `rule`); a missing confidence reads as 0.
 * - `union`: every type any source reported, at its highest confidence.
 * - `majority`: the types more than half of the answering sources reported, at their mean confidence.
 * - `highest-confidence`: the types of the single most confident source (highest mean confidence over
 *   its findings; ties to the earliest backend), each at that source's confidence.
 * `sources` names every answering source that reported the type, in backend order.
 */
export function aggregateFallacies(
  strategy: FanOutMerge,
  answered: readonly { name: string; value: unknown }[],
): AggregatedFallacy[] | undefined {
  const reports = answered.flatMap(({ name, value }) => {
    const types = fallacyTypes(value);
    return types ? [{ source: name, types }] : [];
  });
  if (reports.length === 0) return undefined;
  const order = [...new Set(reports.flatMap((r) => [...r.types.keys()]))];
  const agreeing = (type: string) => reports.filter((r) => r.types.has(type));
  const confidences = (type: string) => agreeing(type).map((r) => r.types.get(type) as number);
  const entry = (type: string, confidence: number): AggregatedFallacy => ({
    type,
    confidence,
    sources: agreeing(type).map((r) => r.source),
  });
  switch (strategy) {
    case 'union':
      return order.map((type) => entry(type, Math.max(...confidences(type))));
    case 'majority':
      return order
        .filter((type) => agreeing(type).length * 2 > reports.length)
        .map((type) => entry(type, mean(confidences(type))));
    case 'highest-confidence': {
      const best = mostConfident(reports);
      return [...best.types].map(([type, confidence]) => entry(type, confidence));
    }
  }
}

function mostConfident(reports: readonly Report[]): Report {
  let best = reports[0] as Report;
  for (const report of reports)
    if (mean([...report.types.values()]) > mean([...best.types.values()])) best = report;
  return best;
}

function fallacyTypes(value: unknown): Map<string, number> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const list = (value as { fallacies?: unknown }).fallacies;
  if (!Array.isArray(list)) return undefined;
  const types = new Map<string, number>();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { type, rule, confidence } = item as { type?: unknown; rule?: unknown; confidence?: unknown };
    const key = typeof type === 'string' ? type : typeof rule === 'string' ? rule : undefined;
    if (key === undefined) continue;
    const c = typeof confidence === 'number' && Number.isFinite(confidence) ? confidence : 0;
    types.set(key, Math.max(types.get(key) ?? 0, c));
  }
  return types;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
