import { labelled } from './labelled-text.ts';
import type { Template } from './template.ts';
import { capitalise } from './text-case.ts';
import type { EnglishTopic } from './topic-en.ts';

export const ENGLISH_TEMPLATES: readonly Template<EnglishTopic>[] = [
  { key: 'statement', build: (t) => labelled(`The city council will vote on ${t.measure} next month.`) },
  {
    key: 'sound-therefore',
    build: (t) => labelled(`${capitalise(t.evidence)}. Therefore, ${t.measure} would help ${t.goal}.`),
  },
  { key: 'sound-because', build: (t) => labelled(`We should support ${t.measure} because ${t.benefit}.`) },
  {
    key: 'ad-hominem',
    build: (t) =>
      labelled(
        `${capitalise(t.critic)} opposes ${t.measure}, but he is a known liar, so his objections do not count.`,
        'ad-hominem',
      ),
  },
  {
    key: 'appeal-to-authority',
    build: (t) =>
      labelled(
        `A famous singer said that ${t.measure} is a mistake. It must be true because a celebrity said it.`,
        'appeal-to-authority',
      ),
  },
  {
    key: 'slippery-slope',
    build: (t) =>
      labelled(`If we accept ${t.measure}, soon ${t.escalation}. Where will it end?`, 'slippery-slope'),
  },
  {
    key: 'straw-man',
    build: (t) =>
      labelled(`My opponent wants to ${t.caricature}. That is why I oppose ${t.measure}.`, 'straw-man'),
  },
  {
    key: 'false-dilemma',
    build: (t) =>
      labelled(
        `Either we adopt ${t.measure} or we ${t.alternative}. There is no other option.`,
        'false-dilemma',
      ),
  },
  {
    key: 'appeal-to-popularity',
    build: (t) =>
      labelled(
        `Everyone knows that ${t.measure} is a good idea. Millions of people cannot be wrong.`,
        'appeal-to-popularity',
      ),
  },
  {
    key: 'hasty-generalization',
    build: (t) =>
      labelled(
        `I once heard of ${t.anecdote}, so ${t.measure} is never a good idea.`,
        'hasty-generalization',
      ),
  },
  {
    key: 'circular-reasoning',
    build: (t) =>
      labelled(
        `${capitalise(t.measure)} is good because it is good, and nobody can prove otherwise.`,
        'circular-reasoning',
      ),
  },
];
