import { type Clause, sentenceClauses } from './clauses.ts';
import type { Argument, Language, Statement } from './response-schemas.ts';
import type { Sentence } from './sentences.ts';

/**
 * Premises and conclusion, found through indicator words. The conclusion is the last clause an
 * indicator marks as one (earlier marked conclusions become intermediate premises); failing that, the
 * last unmarked claim that is not a question, as in a syllogism; failing that, none (only premises were stated).
 */
export function reconstructArgument(
  text: string,
  sentences: readonly Sentence[],
  language: Language,
): Argument {
  const all = sentences.flatMap((sentence) => sentenceClauses(text, sentence, language));
  const marked = all.filter((clause) => clause.role === 'conclusion');
  const unmarked = all.filter((clause) => clause.role === 'unmarked');
  const conclusion = marked.at(-1) ?? unmarked.findLast((clause) => !clause.question) ?? unmarked.at(-1);
  const method = marked.length > 0 ? 'indicator' : conclusion ? 'position' : 'none';
  const premises = all.filter((clause) => clause !== conclusion);
  return {
    method,
    premises: premises.map((clause, i) => statement(text, `p${i + 1}`, clause)),
    conclusion: conclusion ? statement(text, 'c1', conclusion) : null,
  };
}

function statement(text: string, id: string, clause: Clause): Statement {
  return {
    id,
    text: text.slice(clause.start, clause.end),
    start: clause.start,
    end: clause.end,
    indicator: clause.indicator,
  };
}
