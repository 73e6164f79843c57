/**
 * Counts of each distinct value while there are at most `limit` of them. Simulated backends often answer
 * in a handful of exact latencies (fixed 100 ms, plus a fixed backoff); keeping those exact means
 * "p99 <= 100" holds when every call took 100 ms, where HDR alone would say 100.031. Once there are
 * more distinct values the caller drops this and relies on HDR.
 */
export class ExactValues {
  readonly #counts = new Map<number, number>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.#counts.size;
  }

  /** False (and nothing recorded) when the value would exceed the limit. */
  record(value: number, count = 1): boolean {
    const known = this.#counts.get(value);
    if (known === undefined && this.#counts.size >= this.limit) return false;
    this.#counts.set(value, (known ?? 0) + count);
    return true;
  }

  /** Whether the union with `other` stays within the limit (so merge would succeed). */
  fits(other: ExactValues): boolean {
    let added = 0;
    for (const value of other.#counts.keys()) if (!this.#counts.has(value)) added++;
    return this.#counts.size + added <= this.limit;
  }

  /** Each distinct value with its count, in no particular order. */
  entries(): IterableIterator<[value: number, count: number]> {
    return this.#counts.entries();
  }

  /** False when the union would exceed the limit; this one is then left partly merged and must be dropped. */
  merge(other: ExactValues): boolean {
    for (const [value, count] of other.#counts) if (!this.record(value, count)) return false;
    return true;
  }

  /** Nearest-rank percentile (0–100) among `total` values, the definition HDR uses too. */
  percentile(percentile: number, total: number): number {
    // The small epsilon keeps (99.9 / 100) * 20000 = 19980.000000000004 at rank 19980.
    const rank = Math.max(1, Math.ceil((percentile / 100) * total - 1e-9));
    let seen = 0;
    let last = 0;
    for (const value of [...this.#counts.keys()].sort((a, b) => a - b)) {
      seen += this.#counts.get(value) ?? 0;
      last = value;
      if (seen >= rank) return value;
    }
    return last;
  }
}
