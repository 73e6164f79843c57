import { buildLogicGraph } from './logic-graph.ts';
import type { AnalysisRoute, ResponseBody } from './response-schemas.ts';
import { complexityOf, sentimentOf } from './sentiment.ts';
import type { TextAnalysis } from './text-analysis.ts';

export type TextRoute = Exclude<AnalysisRoute, '/api/health'>;

/** Each POST route's body, built from the text's analysis; keys in a fixed order so JSON is stable. */
export const ROUTE_BODIES: { readonly [R in TextRoute]: (analysis: TextAnalysis) => ResponseBody<R> } = {
  '/api/analyze': (a) => ({
    language: a.language,
    sentenceCount: a.sentences.length,
    wordCount: a.wordCount,
    fallacies: a.fallacies,
    argument: a.argument,
    assessment: a.assessment,
    sentiment: sentimentOf(a.text, a.language),
    complexity: complexityOf(a.wordCount, a.sentences.length, a.argument.premises.length),
  }),
  '/api/detect-fallacies': (a) => ({
    language: a.language,
    count: a.fallacies.length,
    fallacies: a.fallacies,
  }),
  '/api/reconstruct': (a) => ({
    language: a.language,
    method: a.argument.method,
    premises: a.argument.premises,
    conclusion: a.argument.conclusion,
  }),
  '/api/validate': (a) => ({
    language: a.language,
    verdict: a.assessment.verdict,
    score: a.assessment.score,
    reasons: a.assessment.reasons,
    fallacyCount: a.fallacies.length,
  }),
  '/api/logic-graph': (a) => ({ language: a.language, ...buildLogicGraph(a.argument, a.fallacies) }),
};

export function isTextRoute(route: string): route is TextRoute {
  return Object.hasOwn(ROUTE_BODIES, route);
}
