import type { FallacyRule } from './rule.ts';

const INSULT =
  '(?:idiots?|imbéciles?|menteur|menteurs|menteuses?|hypocrites?|incompétente?s?|ignorante?s?|amateurs?|crétins?|extrémistes?|escrocs?|fanatiques?|guignols?|clowns?)';
const WORD = "[\\p{L}'’-]+";
const SUBJECT = '(?:il|elle|ils|elles)';

/** French cues, the counterpart of the English ones (same ids, so results compare across languages). */
export const FRENCH_RULES: readonly FallacyRule[] = [
  {
    id: 'ad-hominem',
    name: 'Attaque personnelle (ad hominem)',
    language: 'fr',
    cues: [
      `(?:tu es|vous êtes|${SUBJECT} (?:est|sont)|c'est|ce sont) (?:juste |seulement |simplement |vraiment |clairement )?(?:un |une |des )?(?:(?:vrai|vraie|sale|simple|parfait|parfaite|grand|grande) )?${INSULT}`,
      `(?:n'est|n'es|n'êtes|ne sont) qu'(?:un|une|des) (?:(?:simple|vulgaire|pauvre) )?${INSULT}`,
      "que (?:peut|pourrait|peuvent|pourraient) (?:bien )?(?:savoir|connaître) (?:un|une|ce|cette|ces|les|quelqu'un)",
      "venant (?:d'un|d'une|de quelqu'un|de gens)",
      "n'a (?:même )?(?:jamais|pas) (?:fini|terminé|fait) (?:ses|son|le) (?:études|lycée|bac)",
      "(?:n'écoutez pas|n'écoute pas|n'écoutons pas) (?:ce|cette|cet|ces|le|la|les|ses|son|sa|lui|leur|eux)",
      `on ne peut pas (?:lui|leur) faire confiance (?:car|parce que|puisque|parce qu'${SUBJECT}|puisqu'${SUBJECT})`,
    ],
    explanation: "S'en prend à la personne (caractère, motifs, parcours) au lieu de répondre à son argument.",
  },
  {
    id: 'appeal-to-authority',
    name: "Argument d'autorité",
    language: 'fr',
    cues: [
      `(?:un|une|le|la|ce|cette) (?:célèbre|grand|grande|éminent|éminente|fameux|fameuse|illustre|prestigieux|prestigieuse) ${WORD}(?: ${WORD})? (?:a dit|dit|affirme|a affirmé|pense|croit|déclare|a déclaré|assure|soutient)`,
      "(?:mon|ma|notre) (?:médecin|professeur|prof|patron|curé|docteur|instituteur|institutrice) (?:dit|a dit|affirme|m'a dit|nous a dit|pense|croit)",
      'selon (?:un|une|le|la) (?:célèbre|grand|grande|éminent|éminente|fameux|fameuse|star|vedette|célébrité)',
      `(?:vrai|vraie|juste|exact|exacte) (?:puisque|car|parce que|puisqu'|parce qu')(?: )?(?:un|une|le|la|les|des|mon|ma) ${WORD}(?: ${WORD})? (?:l'a dit|le dit|l'affirme|l'a affirmé|le disent|l'ont dit)`,
      "(?:les experts|un expert|le spécialiste|les spécialistes|les scientifiques|un scientifique|les médecins) (?:l'ont dit|l'a dit|le disent|le dit)",
    ],
    explanation:
      "Tient une affirmation pour vraie à cause de qui l'a dite (souvent hors de son domaine) plutôt que de preuves.",
  },
  {
    id: 'slippery-slope',
    name: 'Pente glissante',
    language: 'fr',
    cues: [
      '(?:mènera|conduira|entraînera|aboutira|va mener|va conduire|va entraîner) (?:inévitablement|forcément|fatalement|immanquablement|tôt ou tard|bientôt|directement) (?:à|au|aux|vers)',
      'pente glissante',
      "(?:mettre|mettra|met|mettrait) le doigt dans l'engrenage",
      '(?:ouvre|ouvrira|ouvrirait|ouvrir) la porte (?:à|aux)',
      "où (?:cela|ça|tout cela) va-t-il s'arrêter",
      "(?:c'est|ce sera|ce serait) le premier pas vers",
      "(?:si on|si nous|une fois qu'on|dès qu'on|dès que nous|une fois que nous) (?:autorise|autorisons|accepte|acceptons|laisse|laissons|permet|permettons|tolère|tolérons|légalise|légalisons) [^.!?]{1,60}?, (?:bientôt|ensuite|demain|puis|alors) (?:on|nous|tout le monde|plus personne|les|ils|elles)",
      'de fil en aiguille',
      "avant même qu'on s'en rende compte",
    ],
    explanation:
      "Affirme qu'un premier pas déclenchera une suite de conséquences de plus en plus graves, sans montrer pourquoi chaque étape suivrait.",
  },
  {
    id: 'straw-man',
    name: 'Homme de paille',
    language: 'fr',
    cues: [
      "(?:donc|alors|bref),? (?:tu dis|vous dites|tu veux dire|vous voulez dire|tu prétends|vous prétendez|tu es en train de dire|vous êtes en train de dire) (?:que|qu')",
      "(?:autrement dit|en d'autres termes|en clair|en somme|en gros), (?:tu|vous|il|elle|ils|elles|mon adversaire) (?:veut|veux|voulez|veulent|pense|penses|pensez|pensent|se moque|se moquent|vous moquez|te moques|déteste|détestent|détestez)",
      '(?:mon adversaire|mes adversaires|les opposants|ses opposants|mes opposants|les critiques|ils|elles|il|elle|les écologistes) (?:veut|veulent) (?:carrément |tout simplement |simplement |en fait |juste )?(?:supprimer|détruire|abolir|interdire|raser|fermer|éliminer)',
      "(?:ceux|celles|les gens) qui (?:défendent|soutiennent|s'opposent à|critiquent) [^.!?]{1,50}? (?:veulent|détestent|se moquent|se fichent)",
    ],
    explanation: 'Remplace la position adverse par une version exagérée ou déformée, plus facile à réfuter.',
  },
  {
    id: 'false-dilemma',
    name: 'Faux dilemme',
    language: 'fr',
    cues: [
      'soit [^.!?]{1,80}?,? soit',
      'ou bien [^.!?]{1,80}?,? ou bien',
      'avec nous ou contre nous',
      "(?:il n'y a que|il n'existe que|nous n'avons que|on n'a que) deux (?:options|choix|solutions|possibilités|voies|issues)",
      "(?:la seule|notre seule|l'unique|la seule autre) (?:autre )?(?:option|solution|alternative|possibilité|issue|voie)",
      "(?:pas de|aucun|il n'y a pas de) (?:juste )?milieu",
      "(?:pas d'autre|aucune autre) (?:option|solution|alternative|possibilité|issue|choix)",
      "c'est (?:ça|cela|ceci) ou (?:le chaos|la ruine|rien|la catastrophe|la faillite)",
    ],
    explanation: "Présente deux options comme les seules possibles alors qu'il en existe d'autres.",
  },
  {
    id: 'hasty-generalization',
    name: 'Généralisation hâtive',
    language: 'fr',
    cues: [
      "(?:j'ai|nous avons|on a|mon [\\p{L}]+ a|ma [\\p{L}]+ a) (?:rencontré|connu|vu|essayé|croisé|eu) (?:un|une|deux|trois|quelques) [^.!?]{1,80}?(?:, donc| donc|, alors|, ce qui prouve|, ce qui montre)[^.!?]{0,80}?(?:tous|toutes|tout le monde|toujours|jamais)",
      '(?:ils|elles) sont (?:tous|toutes) (?:pareils|pareilles|les mêmes|comme ça)',
      '(?:ce qui|cela|ça|ceci|cet exemple|ce cas|cette histoire) (?:prouve|montre|démontre) (?:bien )?que (?:tous|toutes|tout le monde|aucun|aucune)',
    ],
    explanation: "Tire une conclusion générale d'un seul cas ou d'une poignée de cas.",
  },
  {
    id: 'appeal-to-popularity',
    name: 'Appel à la popularité',
    language: 'fr',
    cues: [
      "tout le monde (?:sait|pense|croit|le fait|le dit|est d'accord|utilise|achète|en parle|le sait)",
      '(?:des millions|des milliers|des milliards|des centaines) de [\\p{L}]+ ne peuvent pas (?:tous )?(?:avoir tort|se tromper)',
      "la (?:plupart|majorité) des (?:gens|français|personnes|citoyens|électeurs) (?:pense|pensent|croit|croient|est d'accord|sont d'accord|préfère|préfèrent)",
      "populaire[^.!?]{0,40}?(?:donc|alors|par conséquent) (?:c'est|il est|elle est|ils sont) (?:forcément |sûrement |certainement )?(?:le meilleur|la meilleure|les meilleurs|bon|bonne|vrai|juste)",
      'ne (?:peuvent|peut) pas (?:tous )?(?:avoir tort|se tromper)',
    ],
    explanation:
      'Tient une affirmation pour vraie, ou un choix pour bon, parce que beaucoup de gens y croient ou le font.',
  },
  {
    id: 'circular-reasoning',
    name: 'Raisonnement circulaire',
    language: 'fr',
    cues: [
      `(?:est|sont) (vraie?s?|justes?|bonnes?|bons?|honnêtes?|fiables?|corrects?|correctes?) (?:parce qu'${SUBJECT} (?:est|sont)|puisqu'${SUBJECT} (?:est|sont)|car ${SUBJECT} (?:est|sont)|parce que c'est|car c'est|puisque c'est) \\1`,
      "(?:vrai|juste) (?:parce que|car|puisque) (?:je|nous) (?:le dis|le disons|l'ai dit|l'avons dit)",
      `(?:lui|leur) faire confiance (?:car|parce qu'${SUBJECT}|puisqu'${SUBJECT}) (?:${SUBJECT} )?(?:est|sont) dignes? de confiance`,
    ],
    explanation: "Utilise la conclusion comme prémisse : l'argument suppose ce qu'il prétend démontrer.",
  },
];
