/**
 * The option closest to a mistyped `input`, for "did you mean" hints; undefined when nothing is close.
 * Case-insensitive edit distance, accepting about one typo per three characters (at least two); an
 * option whose last dotted part equals the input ("p99" for "latency.p99") also counts. Ties go to
 * the option listed first, so the hint is stable.
 */
export function didYouMean(input: string, options: readonly string[]): string | undefined {
  const wanted = input.trim().toLowerCase();
  if (!wanted) return undefined;
  const bySuffix = options.find((option) => option.toLowerCase().split('.').at(-1) === wanted);
  if (bySuffix) return bySuffix;
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const option of options) {
    const distance = editDistance(wanted, option.toLowerCase());
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance (insert, delete, substitute), one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
