/** Un débat public en français, en fragments que les modèles assemblent en phrases complètes. */
export interface FrenchTopic {
  readonly key: string;
  /** Un groupe nominal singulier avec « un » ou « une » : « une taxe sur les boissons sucrées ». */
  readonly measure: string;
  /** Le pronom qui reprend la mesure. */
  readonly pronoun: 'il' | 'elle';
  readonly evidence: string;
  /** Ce que la mesure aide à faire, après « aiderait à ». */
  readonly goal: string;
  /** Une proposition au conditionnel. */
  readonly benefit: string;
  /** Un opposant, avec son article (élidé s'il le faut). */
  readonly critic: string;
  /** La fin redoutée de la pente, commençant par « on » ou « les ». */
  readonly escalation: string;
  /** Un but caricatural commençant par supprimer, détruire, abolir, interdire, fermer ou éliminer. */
  readonly caricature: string;
  /** L'autre branche du faux dilemme, conjuguée après « soit on ». */
  readonly alternative: string;
  /** Un cas isolé, commençant par « un », « une » ou « deux ». */
  readonly anecdote: string;
}

export const FRENCH_TOPICS: readonly FrenchTopic[] = [
  {
    key: 'taxe-soda',
    measure: 'une taxe sur les boissons sucrées',
    pronoun: 'elle',
    evidence: 'les pays qui ont adopté cette taxe ont vu baisser les ventes de sodas',
    goal: 'réduire la consommation de sucre',
    benefit: "moins d'enfants auraient des caries",
    critic: 'le maire',
    escalation: 'on nous dira quoi manger à chaque repas',
    caricature: 'interdire tous les desserts du pays',
    alternative: 'laisse les dents de nos enfants se gâter',
    anecdote: 'un homme qui a arrêté les sodas et a quand même grossi',
  },
  {
    key: 'pistes-cyclables',
    measure: 'un réseau de pistes cyclables en centre-ville',
    pronoun: 'il',
    evidence: 'les villes équipées de pistes protégées comptent moins de cyclistes blessés',
    goal: 'rendre les rues plus sûres',
    benefit: 'plus de gens iraient au travail à vélo',
    critic: 'le commerçant',
    escalation: 'on interdira les voitures dans toutes les rues',
    caricature: 'supprimer toutes les places de parking',
    alternative: "accepte plus d'accidents chaque année",
    anecdote: 'un cycliste qui a grillé un feu rouge',
  },
  {
    key: 'semaine-quatre-jours',
    measure: 'une semaine de travail de quatre jours',
    pronoun: 'elle',
    evidence:
      "les essais menés dans plusieurs entreprises ont montré une productivité stable et moins d'épuisement",
    goal: 'préserver la santé des salariés',
    benefit: "les salariés prendraient moins d'arrêts maladie",
    critic: 'le chef syndical',
    escalation: 'les salariés refuseront de travailler du tout',
    caricature: 'abolir le travail bien fait',
    alternative: "regarde nos équipes s'épuiser",
    anecdote: 'une entreprise qui a essayé et a perdu un client',
  },
  {
    key: 'uniforme-scolaire',
    measure: 'un uniforme scolaire obligatoire',
    pronoun: 'il',
    evidence: 'les écoles avec uniforme signalent moins de moqueries sur les vêtements',
    goal: 'alléger la pression sur les familles',
    benefit: 'les parents dépenseraient moins en vêtements',
    critic: 'le directeur',
    escalation: 'les écoles contrôleront ce que pensent les élèves',
    caricature: 'supprimer toute expression personnelle',
    alternative: 'laisse le harcèlement continuer',
    anecdote: 'un élève qui détestait porter un blazer',
  },
  {
    key: 'centrale-nucleaire',
    measure: 'une nouvelle centrale nucléaire',
    pronoun: 'elle',
    evidence: 'les centrales nucléaires émettent très peu de dioxyde de carbone par kilowattheure',
    goal: 'réduire nos émissions',
    benefit: 'la région dépendrait moins du charbon',
    critic: 'le militant local',
    escalation: 'les réacteurs couvriront toute la vallée',
    caricature: 'fermer toutes les usines de la région',
    alternative: 'continue à brûler du charbon pour toujours',
    anecdote: 'une centrale qui a eu une fuite il y a des décennies',
  },
  {
    key: 'bibliotheque',
    measure: 'une ouverture tardive de la bibliothèque',
    pronoun: 'elle',
    evidence: "la bibliothèque est pleine tous les soirs jusqu'à la fermeture",
    goal: 'accueillir les étudiants qui travaillent le jour',
    benefit: "plus d'étudiants auraient un endroit calme pour réviser",
    critic: 'le directeur financier',
    escalation: 'on exigera que la bibliothèque reste ouverte toute la nuit',
    caricature: 'supprimer tout le budget de la bibliothèque',
    alternative: 'abandonne nos étudiants',
    anecdote: 'un étudiant qui ne va jamais à la bibliothèque',
  },
  {
    key: 'peage-urbain',
    measure: 'un péage urbain pour le centre-ville',
    pronoun: 'il',
    evidence: 'Londres a vu le trafic baisser après en avoir instauré un',
    goal: 'réduire les embouteillages',
    benefit: "les bus arriveraient à l'heure",
    critic: 'le chauffeur de taxi',
    escalation: 'on nous fera payer pour marcher',
    caricature: 'interdire la voiture à tous les habitants',
    alternative: 'reste coincé dans les bouchons pour toujours',
    anecdote: 'un automobiliste qui a payé le péage et est resté bloqué',
  },
  {
    key: 'consigne',
    measure: 'une consigne sur les bouteilles',
    pronoun: 'elle',
    evidence: 'les régions qui pratiquent la consigne recyclent presque toutes leurs bouteilles',
    goal: 'réduire les déchets dans les parcs',
    benefit: 'moins de bouteilles finiraient dans les rivières',
    critic: 'le gérant du supermarché',
    escalation: 'on taxera chaque objet que nous jetons',
    caricature: 'interdire le plastique sous toutes ses formes',
    alternative: 'se noie sous les déchets plastiques',
    anecdote: "deux magasins qui ont perdu de l'argent avec ce système",
  },
  {
    key: 'vaccination-grippe',
    measure: 'une campagne gratuite de vaccination contre la grippe',
    pronoun: 'elle',
    evidence: 'les personnes vaccinées sont moins souvent hospitalisées pour la grippe',
    goal: 'protéger les résidents âgés',
    benefit: 'les hôpitaux auraient plus de lits libres en hiver',
    critic: "l'animateur radio",
    escalation: "les autorités nous injecteront n'importe quoi",
    caricature: 'détruire notre liberté de choisir',
    alternative: 'laisse les hôpitaux déborder',
    anecdote: 'une infirmière qui a attrapé la grippe après le vaccin',
  },
  {
    key: 'salaire-minimum',
    measure: 'un salaire minimum plus élevé',
    pronoun: 'il',
    evidence: "les travailleurs modestes dépensent l'essentiel de toute hausse dans les commerces locaux",
    goal: 'soutenir les commerces de proximité',
    benefit: "moins de travailleurs auraient besoin d'un second emploi",
    critic: "l'économiste",
    escalation: 'on fixera le prix de chaque produit du pays',
    caricature: 'éliminer toutes les petites entreprises',
    alternative: 'maintient des millions de travailleurs dans la pauvreté',
    anecdote: 'un café qui a augmenté les salaires puis a fermé',
  },
];
