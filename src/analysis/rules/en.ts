import type { FallacyRule } from './rule.ts';

const INSULT =
  '(?:idiots?|fools?|liars?|hypocrites?|morons?|crooks?|clowns?|amateurs?|extremists?|fanatics?|trolls?|losers?|ignoramus)';
const INSULT_PREFIX =
  '(?:just |only |nothing but |clearly |obviously )?(?:an? )?(?:(?:complete|total|known|corrupt) )?';
const WORD = "[\\p{L}'’-]+";
const NOUN_PHRASE = `(?:an?|the|one|my|our) ${WORD}(?: ${WORD})?`;

/** English cues. Cues are deliberately surface-level: they flag wording that usually signals the fallacy. */
export const ENGLISH_RULES: readonly FallacyRule[] = [
  {
    id: 'ad-hominem',
    name: 'Ad hominem',
    language: 'en',
    cues: [
      `(?:you're|you are|he's|he is|she's|she is|they're|they are|he was|she was) ${INSULT_PREFIX}${INSULT}`,
      `what (?:would|does|could|can) (?:he|she|they|you|an? ${WORD}|someone like (?:him|her|that)) (?:possibly )?know about`,
      '(?:coming|comes) from (?:a|an|someone|somebody) (?:who|like)',
      "(?:can't|cannot|can not) be trusted (?:because|since|as) (?:he|she|they)",
      "(?:never|didn't|did not)(?: even)? (?:finish|finished|go to|went to|graduate from|graduated from) (?:high school|school|college|university)",
      '(?:ignore|dismiss) (?:him|her|them|what (?:he|she|they) says?) (?:because|since)',
    ],
    explanation:
      'Attacks the person making the argument (character, motives, background) instead of the argument itself.',
  },
  {
    id: 'appeal-to-authority',
    name: 'Appeal to authority',
    language: 'en',
    cues: [
      `(?:a|an|the|one) (?:famous|renowned|well-known|celebrity|award-winning|nobel-winning|popular|respected) ${WORD}(?: ${WORD})? (?:said|says|believes|thinks|claims|told|insists|endorsed|endorses)`,
      '(?:my|our) (?:doctor|professor|teacher|pastor|boss|coach) (?:says|said|told me|told us|thinks|believes)',
      'according to (?:a |an |the )?(?:famous|celebrity|renowned|well-known|popular)',
      `(?:must|has to|have to) be (?:true|right|correct) (?:because|since|as) (?:he|she|they|${NOUN_PHRASE}) (?:said|says|say|wrote|writes|claimed|claims)`,
      '(?:experts|scientists|doctors|specialists|an expert|a scientist|a doctor|the experts) (?:said|say|says) so',
    ],
    explanation:
      'Treats a claim as true because of who said it (often someone outside their field) rather than because of evidence.',
  },
  {
    id: 'slippery-slope',
    name: 'Slippery slope',
    language: 'en',
    cues: [
      '(?:will|would|could|is going to) (?:inevitably|eventually|ultimately|soon|quickly|surely|certainly|necessarily) lead to',
      '(?:leads?|leading) (?:straight |directly )?to [^.!?]{1,60}?(?:and then|and eventually|and soon|and before long|which will lead to|which leads to)',
      'before (?:you know it|long|we know it)',
      '(?:the )?next thing (?:you know|we know)',
      'where (?:will|does|would) it (?:all )?(?:end|stop)',
      'slippery slope',
      `(?:if|once) we (?:allow|let|accept|permit|legalize|legalise|tolerate) [^.!?]{1,60}?, (?:then |soon |next |eventually )?(?:we|they|everyone|people|nobody|the(?: ${WORD}){1,2}) will`,
      '(?:the )?first step (?:towards|toward|on the road to)',
      'open(?:s|ing)? the (?:floodgates|door to)',
    ],
    explanation:
      'Claims that one step will set off a chain of ever worse consequences, without showing why each link must follow.',
  },
  {
    id: 'straw-man',
    name: 'Straw man',
    language: 'en',
    cues: [
      "so (?:you're|you are|what you're|what you are) (?:really |basically |actually )?(?:saying|suggesting|claiming|telling us|telling me)",
      '(?:my opponents?|my rival|the opposition|they|he|she|critics|the critics|opponents) (?:basically |just |simply |really )?wants? (?:us )?to (?:ban|destroy|abolish|get rid of|eliminate|outlaw|tear down|shut down)',
      "in other words, (?:you|they|he|she|my opponent) (?:want|wants|think|thinks|believe|believes|don't care|doesn't care|hate|hates)",
      "(?:people|those) who (?:support|oppose|defend|criticise|criticize) [^.!?]{1,50}? (?:just |simply )?(?:want|hate|don't care|do not care)",
    ],
    explanation:
      'Replaces the opposing position with an exaggerated or distorted version that is easier to knock down.',
  },
  {
    id: 'false-dilemma',
    name: 'False dilemma',
    language: 'en',
    cues: [
      'either [^.!?]{1,80}? or',
      "(?:you're|you are) (?:either )?with us or against us",
      '(?:there are|there is|we have) only two (?:options|choices|ways|possibilities|alternatives|paths)',
      '(?:the|our) only (?:other )?(?:option|choice|alternative|way out)',
      "(?:no|there is no|there's no) (?:other (?:option|choice|alternative|way)|middle ground|third (?:option|way))",
    ],
    explanation: 'Presents two options as the only possibilities when others exist.',
  },
  {
    id: 'hasty-generalization',
    name: 'Hasty generalization',
    language: 'en',
    cues: [
      '(?:i|we|my [\\p{L}]+) (?:once )?(?:met|knew|know|saw|had|tried|visited|heard of) (?:a|an|one|two|three|a few|a couple of|some) [^.!?]{1,80}?(?:, so| so| therefore|, therefore| which means|, which means| which proves|, which proves)[^.!?]{0,80}?(?:all|every|everyone|always|never)',
      '(?:they|these people|those people) are all (?:the same|alike|like that)',
      '(?:which|this|that|it|this example|that example|this case|one case) (?:proves|shows) that (?:all|every|everyone|they all|none of)',
    ],
    explanation: 'Draws a general conclusion from one case or a handful of cases.',
  },
  {
    id: 'appeal-to-popularity',
    name: 'Appeal to popularity',
    language: 'en',
    cues: [
      '(?:everyone|everybody|all my friends|the whole world) (?:knows|agrees|believes|thinks|says|is doing|does it|uses)',
      `(?:millions|thousands|billions|hundreds) of ${WORD} (?:can't|cannot|can not) (?:all )?be wrong`,
      '(?:most people|the majority|the majority of people|most voters|most citizens) (?:believe|believes|think|thinks|agree|agrees|prefer|prefers|say|says) (?:it|that|so)',
      'popular[^.!?]{0,40}?(?:so|therefore|thus) (?:it|this|they|that) (?:must|has to|have to|should) be (?:good|better|the best|right|true|correct)',
      '(?:must|has to) be (?:good|true|right|correct) (?:because|since|as) (?:everyone|everybody|so many people|millions)',
      "(?:can't|cannot) all be wrong",
    ],
    explanation: 'Treats a claim as true, or a choice as good, because many people believe or make it.',
  },
  {
    id: 'circular-reasoning',
    name: 'Circular reasoning',
    language: 'en',
    cues: [
      "(?:is|are|was) (true|right|correct|good|wrong|bad|honest|reliable|trustworthy) because (?:it|they|he|she|this|that)(?: is| are|'s|'re| was) \\1",
      '(?:true|right) because (?:i|we) (?:say|said) so',
      "trust (?:him|her|them|it|me) (?:because|since) (?:he|she|they|it|i)(?: is| are|'s|'re| am|'m) trustworthy",
    ],
    explanation: 'Uses the conclusion as its own premise, so the argument assumes what it sets out to prove.',
  },
];
