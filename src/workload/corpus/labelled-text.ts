/**
 * A corpus text with the fallacy ids a careful reader finds in it. The labels are for tests that hold
 * the analyser to account; the analyser never sees them.
 */
export interface LabelledText {
  readonly text: string;
  readonly fallacies: readonly string[];
}

/** Shorthand for writing the corpus: the text, then its expected fallacy ids (none for a sound text). */
export function labelled(text: string, ...fallacies: string[]): LabelledText {
  return { text, fallacies };
}
