/** A policy debate in English, in fragments that the templates assemble into full sentences. */
export interface EnglishTopic {
  readonly key: string;
  /** A singular noun phrase with its article: "a tax on sugary drinks". */
  readonly measure: string;
  /** A clause stating evidence for the measure. */
  readonly evidence: string;
  /** What the measure helps do, after "would help": "reduce sugar consumption". */
  readonly goal: string;
  /** A conditional clause: "fewer children would develop tooth decay". */
  readonly benefit: string;
  /** A man opposing the measure, with his article: "the mayor". */
  readonly critic: string;
  /** A clause "the <one or two words> will ...": the feared end of the slope. */
  readonly escalation: string;
  /** A distorted aim starting with ban, destroy, abolish, eliminate, outlaw, get rid of or shut down. */
  readonly caricature: string;
  /** The other horn of a false dilemma, after "or we". */
  readonly alternative: string;
  /** One anecdotal case, starting with "a" or "two". */
  readonly anecdote: string;
}

export const ENGLISH_TOPICS: readonly EnglishTopic[] = [
  {
    key: 'sugar-tax',
    measure: 'a tax on sugary drinks',
    evidence: 'countries that introduced such taxes saw soda sales drop',
    goal: 'reduce sugar consumption',
    benefit: 'fewer children would develop tooth decay',
    critic: 'the mayor',
    escalation: 'the state will decide everything we eat',
    caricature: 'ban every dessert in the country',
    alternative: "let our children's teeth rot",
    anecdote: 'a man who quit soda and still gained weight',
  },
  {
    key: 'bike-lanes',
    measure: 'a network of bike lanes downtown',
    evidence: 'cities with protected lanes report fewer cycling injuries',
    goal: 'make the streets safer',
    benefit: 'more people would cycle to work',
    critic: 'the shop owner',
    escalation: 'the council will ban cars from every street',
    caricature: 'destroy every parking space in town',
    alternative: 'accept more accidents every year',
    anecdote: 'a cyclist who ran a red light',
  },
  {
    key: 'four-day-week',
    measure: 'a four-day working week',
    evidence: 'trials in several companies showed stable productivity with less burnout',
    goal: 'keep staff healthy',
    benefit: 'employees would take fewer sick days',
    critic: 'the union leader',
    escalation: 'the workers will refuse to work at all',
    caricature: 'abolish hard work altogether',
    alternative: 'watch our staff burn out',
    anecdote: 'a company that tried it and lost a client',
  },
  {
    key: 'school-uniforms',
    measure: 'a school uniform policy',
    evidence: 'schools with uniforms report less teasing about clothes',
    goal: 'reduce pressure on families',
    benefit: 'parents would spend less on clothing',
    critic: 'the headmaster',
    escalation: 'the school will control what pupils think',
    caricature: 'eliminate all personal expression',
    alternative: 'let bullying go unchecked',
    anecdote: 'a pupil who hated wearing a blazer',
  },
  {
    key: 'nuclear-plant',
    measure: 'a new nuclear power plant',
    evidence: 'nuclear plants emit very little carbon dioxide per unit of electricity',
    goal: 'cut our emissions',
    benefit: 'the region would rely less on coal',
    critic: 'the local activist',
    escalation: 'the valley will be covered in reactors',
    caricature: 'shut down every factory in the region',
    alternative: 'keep burning coal forever',
    anecdote: 'a reactor that had a leak decades ago',
  },
  {
    key: 'library-hours',
    measure: 'a late opening of the public library',
    evidence: 'the library is full every evening until it closes',
    goal: 'serve students who work during the day',
    benefit: 'more students would have a quiet place to study',
    critic: 'the finance director',
    escalation: 'the library will stay open all night',
    caricature: 'get rid of the library budget entirely',
    alternative: 'abandon our students',
    anecdote: 'a student who never visits the library',
  },
  {
    key: 'congestion-charge',
    measure: 'a congestion charge for the city centre',
    evidence: 'London saw traffic fall after introducing one',
    goal: 'reduce traffic jams',
    benefit: 'buses would run on time',
    critic: 'the taxi driver',
    escalation: 'the city will charge us for walking',
    caricature: 'ban everyone from driving',
    alternative: 'sit in traffic forever',
    anecdote: 'a driver who paid the charge and still got stuck',
  },
  {
    key: 'bottle-deposit',
    measure: 'a deposit scheme for bottles',
    evidence: 'regions with deposits recycle nearly all of their bottles',
    goal: 'reduce litter in parks',
    benefit: 'fewer bottles would end up in rivers',
    critic: 'the supermarket manager',
    escalation: 'the government will tax every item we throw away',
    caricature: 'outlaw plastic of every kind',
    alternative: 'drown in plastic waste',
    anecdote: 'two shops that lost money with such a scheme',
  },
  {
    key: 'flu-vaccination',
    measure: 'a free flu vaccination campaign',
    evidence: 'vaccinated people are less likely to be hospitalised with flu',
    goal: 'protect elderly residents',
    benefit: 'hospitals would have more free beds in winter',
    critic: 'the radio host',
    escalation: 'the authorities will inject us with anything they like',
    caricature: 'destroy our freedom to choose',
    alternative: 'let the hospitals overflow',
    anecdote: 'a nurse who caught the flu after the shot',
  },
  {
    key: 'minimum-wage',
    measure: 'a higher minimum wage',
    evidence: 'workers on low pay spend most of any raise in local shops',
    goal: 'support local businesses',
    benefit: 'fewer workers would need a second job',
    critic: 'the economist',
    escalation: 'the government will set every price in the country',
    caricature: 'eliminate all small businesses',
    alternative: 'keep millions of workers in poverty',
    anecdote: 'a café that raised wages and then closed',
  },
];
