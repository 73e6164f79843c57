import { type LabelledText, labelled } from './labelled-text.ts';

/** Textes français écrits à la main : arguments solides, simples constats et sophismes courants. */
export const HANDWRITTEN_FR: readonly LabelledText[] = [
  labelled('Tous les hommes sont mortels. Socrate est un homme. Donc Socrate est mortel.'),
  labelled(
    "Tu n'es qu'un hypocrite qui roule en 4x4, alors ton avis sur le climat ne vaut rien.",
    'ad-hominem',
  ),
  labelled('Le pont a été fermé parce que les inspecteurs ont trouvé des fissures dans deux piliers.'),
  labelled(
    'Un célèbre acteur affirme que ce régime guérit la fatigue, donc il doit fonctionner.',
    'appeal-to-authority',
  ),
  labelled(
    'Si on autorise les élèves à repasser un examen, bientôt ils exigeront de tout repasser. De fil en aiguille, les notes ne voudront plus rien dire.',
    'slippery-slope',
  ),
  labelled('Puisque les trains passent toutes les dix minutes, il est inutile de réserver une place.'),
  labelled("Donc vous dites qu'il faut laisser les criminels en liberté ? C'est absurde.", 'straw-man'),
  labelled(
    "Soit nous baissons les impôts, soit l'économie s'effondre. Il n'y a pas de juste milieu.",
    'false-dilemma',
  ),
  labelled(
    'Nos ventes ont baissé de douze pour cent ce trimestre. Les clients se plaignent des délais de livraison, donc nous devons investir dans la logistique.',
  ),
  labelled(
    "J'ai rencontré deux touristes impolis originaires de cette ville, donc tout le monde là-bas est impoli.",
    'hasty-generalization',
  ),
  labelled(
    'Tout le monde sait que cette marque fabrique les meilleurs téléphones. Des millions de clients ne peuvent pas se tromper.',
    'appeal-to-popularity',
  ),
  labelled(
    "Cette loi est juste parce qu'elle est juste, et la remettre en question n'a aucun sens.",
    'circular-reasoning',
  ),
  labelled(
    "L'exercice régulier fait baisser la tension artérielle. Par conséquent, une marche quotidienne est une bonne habitude pour les adultes.",
  ),
  labelled(
    "Que peut bien savoir un adolescent de la gestion d'une entreprise ? Sa proposition doit être ignorée.",
    'ad-hominem',
  ),
  labelled(
    "Mon professeur a dit que la bourse montera l'an prochain. C'est forcément vrai puisqu'un professeur l'a dit.",
    'appeal-to-authority',
  ),
  labelled('Autoriser les trottinettes sur les trottoirs mènera inévitablement au chaos.', 'slippery-slope'),
  labelled(
    "Mon adversaire veut supprimer l'armée, on ne peut donc pas se fier à son plan de défense.",
    'straw-man',
  ),
  labelled('Vous êtes avec nous ou contre nous dans cette réforme.', 'false-dilemma'),
  labelled('Le musée ouvre à neuf heures en semaine et à dix heures le dimanche.'),
  labelled(
    'La voiture électrique de mon voisin est tombée en panne deux fois, ce qui prouve que toutes les voitures électriques sont peu fiables.',
    'hasty-generalization',
  ),
  labelled(
    'La plupart des gens croient aux fantômes, donc il doit bien y avoir quelque chose.',
    'appeal-to-popularity',
  ),
  labelled('On peut lui faire confiance car il est digne de confiance.', 'circular-reasoning'),
  labelled(
    "L'eau bout à une température plus basse en altitude car la pression de l'air y est plus faible. C'est pourquoi les pâtes cuisent plus lentement en montagne.",
  ),
  labelled("N'écoutez pas ce sénateur sur la santé : il n'a même jamais terminé ses études.", 'ad-hominem'),
  labelled(
    'Le rapport contient trois erreurs factuelles. En conséquence, le comité a demandé aux auteurs de le réviser.',
  ),
  labelled(
    "C'est un menteur et un escroc, donc rien de ce qu'il dit sur le budget ne peut être juste.",
    'ad-hominem',
  ),
  labelled("Il n'y a que deux options : construire le stade ou laisser mourir la ville.", 'false-dilemma'),
  labelled(
    'Autoriser le télétravail ouvre la porte à des salariés qui ne reviendront jamais au bureau.',
    'slippery-slope',
  ),
  labelled(
    'Les opposants veulent tout simplement interdire les voitures en ville, donc leurs objections ne comptent pas.',
    'straw-man',
  ),
  labelled(
    'Tout nombre premier supérieur à deux est impair. Sept est un nombre premier supérieur à deux. Donc sept est impair.',
  ),
  labelled(
    "Ce téléphone est le plus populaire du marché, donc c'est forcément le meilleur.",
    'appeal-to-popularity',
  ),
  labelled(
    "La bibliothèque a déménagé dans l'ancienne poste en mars. Ses horaires d'ouverture n'ont pas changé.",
  ),
];
