import type { LabelledText } from './labelled-text.ts';

/** An argument pattern: builds one text from a topic, labelled with the fallacy it commits, if any. */
export interface Template<Topic> {
  readonly key: string;
  readonly build: (topic: Topic) => LabelledText;
}
