/** Counts by name (error code, backend, fault kind, event type); bounded by the number of distinct names. */
export class KeyedCounter {
  readonly #counts = new Map<string, number>();

  add(key: string, by = 1): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + by);
  }

  get(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  /** Keys in code-unit order (not locale order), so JSON output does not depend on insertion order or locale. */
  toSortedRecord(): Record<string, number> {
    const record: Record<string, number> = {};
    for (const key of [...this.#counts.keys()].sort()) record[key] = this.#counts.get(key) ?? 0;
    return record;
  }
}
