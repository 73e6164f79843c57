import { labelled } from './labelled-text.ts';
import type { Template } from './template.ts';
import { capitalise, que } from './text-case.ts';
import type { FrenchTopic } from './topic-fr.ts';

export const FRENCH_TEMPLATES: readonly Template<FrenchTopic>[] = [
  {
    key: 'constat',
    build: (t) => labelled(`Le conseil municipal votera sur ${t.measure} le mois prochain.`),
  },
  {
    key: 'solide-par-consequent',
    build: (t) => labelled(`${capitalise(t.evidence)}. Par conséquent, ${t.measure} aiderait à ${t.goal}.`),
  },
  { key: 'solide-car', build: (t) => labelled(`Nous devrions soutenir ${t.measure} car ${t.benefit}.`) },
  {
    key: 'ad-hominem',
    build: (t) =>
      labelled(
        `${capitalise(t.critic)} s'oppose à ${t.measure}, mais c'est un menteur notoire, donc ses objections ne comptent pas.`,
        'ad-hominem',
      ),
  },
  {
    key: 'appeal-to-authority',
    build: (t) =>
      labelled(
        `Un célèbre chanteur a dit ${que(t.measure)} est une erreur. C'est forcément vrai puisqu'une célébrité l'a dit.`,
        'appeal-to-authority',
      ),
  },
  {
    key: 'slippery-slope',
    build: (t) =>
      labelled(
        `Si on accepte ${t.measure}, bientôt ${t.escalation}. Où cela va-t-il s'arrêter ?`,
        'slippery-slope',
      ),
  },
  {
    key: 'straw-man',
    build: (t) =>
      labelled(
        `Mon adversaire veut ${t.caricature}. C'est pour cela que je m'oppose à ${t.measure}.`,
        'straw-man',
      ),
  },
  {
    key: 'false-dilemma',
    build: (t) =>
      labelled(
        `Soit on adopte ${t.measure}, soit on ${t.alternative}. Il n'y a pas d'autre solution.`,
        'false-dilemma',
      ),
  },
  {
    key: 'appeal-to-popularity',
    build: (t) =>
      labelled(
        `Tout le monde sait ${que(t.measure)} est une bonne idée. Des millions de personnes ne peuvent pas se tromper.`,
        'appeal-to-popularity',
      ),
  },
  {
    key: 'hasty-generalization',
    build: (t) =>
      labelled(`J'ai connu ${t.anecdote}, donc ${t.measure} ne marche jamais.`, 'hasty-generalization'),
  },
  {
    key: 'circular-reasoning',
    build: (t) =>
      labelled(
        `${capitalise(t.measure)} est juste parce qu'${t.pronoun} est juste, et personne ne peut prouver le contraire.`,
        'circular-reasoning',
      ),
  },
];
