import { type LabelledText, labelled } from './labelled-text.ts';

/** Hand-written English texts: sound arguments, plain statements and everyday fallacies. */
export const HANDWRITTEN_EN: readonly LabelledText[] = [
  labelled('All mammals breathe air. Whales are mammals. Therefore, whales breathe air.'),
  labelled(
    "You're just a hypocrite who drives an SUV, so your opinion on climate policy is worthless.",
    'ad-hominem',
  ),
  labelled('The bridge was closed because inspectors found cracks in two of its pillars.'),
  labelled('A famous actor says this diet cures fatigue, so it must work.', 'appeal-to-authority'),
  labelled(
    'If we allow students to redo one exam, soon they will demand to redo every exam. Before long, grades will mean nothing.',
    'slippery-slope',
  ),
  labelled('Since the trains run every ten minutes, we do not need to book a seat in advance.'),
  labelled('So you are saying we should let criminals walk free? That is absurd.', 'straw-man'),
  labelled('Either we cut taxes or the economy collapses. There is no middle ground.', 'false-dilemma'),
  labelled(
    'Our sales fell by twelve percent last quarter. Customers cited slower delivery times, so we should invest in logistics.',
  ),
  labelled(
    'I met two rude tourists from that city, so everyone from there must be rude.',
    'hasty-generalization',
  ),
  labelled(
    'Everyone knows that this brand makes the best phones. Millions of customers cannot be wrong.',
    'appeal-to-popularity',
  ),
  labelled('The law is right because it is right, and questioning it makes no sense.', 'circular-reasoning'),
  labelled(
    'Regular exercise lowers blood pressure in most long-term studies. Thus a daily walk is a sensible habit for adults.',
  ),
  labelled(
    'What would a teenager know about running a business? His proposal should be ignored.',
    'ad-hominem',
  ),
  labelled(
    'My professor said that the stock market will rise next year. It must be true because a professor said it.',
    'appeal-to-authority',
  ),
  labelled(
    'Legalising scooters on sidewalks will inevitably lead to chaos, and pedestrians will stop walking altogether.',
    'slippery-slope',
  ),
  labelled('My opponent wants to abolish the army, so we cannot trust his defence plan.', 'straw-man'),
  labelled('You are either with us or against us on this reform.', 'false-dilemma'),
  labelled('The museum opens at nine on weekdays and at ten on Sundays.'),
  labelled(
    "My neighbour's electric car broke down twice, which proves that all electric cars are unreliable.",
    'hasty-generalization',
  ),
  labelled(
    'Most people believe that ghosts exist, so there must be something to it.',
    'appeal-to-popularity',
  ),
  labelled('You can trust him because he is trustworthy.', 'circular-reasoning'),
  labelled(
    'Water boils at a lower temperature at high altitude because the air pressure is lower. Hence pasta takes longer to cook in the mountains.',
  ),
  labelled("Don't listen to the senator on health care. He never even finished college.", 'ad-hominem'),
  labelled(
    'The report contains three factual errors. Consequently, the committee asked the authors to revise it.',
  ),
  labelled('He is a liar and a crook, so nothing he says about the budget can be right.', 'ad-hominem'),
  labelled('There are only two options: we build the stadium or the city dies.', 'false-dilemma'),
  labelled(
    'Allowing remote work opens the door to employees never coming back, and the next thing you know the company falls apart.',
    'slippery-slope',
  ),
  labelled(
    'The critics basically want to ban cars from the city, so their objections do not count.',
    'straw-man',
  ),
  labelled(
    'Every prime number greater than two is odd. Seven is a prime number greater than two. So seven is odd.',
  ),
  labelled(
    'This phone is the most popular on the market, so it must be the best one.',
    'appeal-to-popularity',
  ),
  labelled('The library moved to the old post office building in March. Its opening hours did not change.'),
];
