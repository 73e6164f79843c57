import type { LabelledText } from './labelled-text.ts';
import type { Template } from './template.ts';

export interface DerivedText extends LabelledText {
  /** `<topic>-<template>`: which fragments made the text. */
  readonly key: string;
}

/** Every template applied to every topic, topic by topic: the same inputs always give the same list. */
export function deriveTexts<Topic extends { readonly key: string }>(
  topics: readonly Topic[],
  templates: readonly Template<Topic>[],
): DerivedText[] {
  return topics.flatMap((topic) =>
    templates.map((template) => ({ key: `${topic.key}-${template.key}`, ...template.build(topic) })),
  );
}
