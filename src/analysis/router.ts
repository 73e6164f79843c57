import { ANALYSIS_ENDPOINTS } from '../backend/contract.ts';
import { deepFreeze } from '../util/deep-freeze.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { type AnalysisReply, errorReply } from './replies.ts';
import { requestText } from './request-text.ts';
import { isTextRoute, ROUTE_BODIES, type TextRoute } from './route-bodies.ts';
import { analyseText, type TextAnalysis } from './text-analysis.ts';

export type { AnalysisReply } from './replies.ts';
export { validateAnalysisResponse } from './response-check.ts';

/** How many distinct texts keep their answers; simulations draw from a corpus of a few hundred. */
export const MEMO_CAPACITY = 2_000;

interface MemoEntry {
  readonly analysis: TextAnalysis;
  readonly replies: Partial<Record<TextRoute, AnalysisReply>>;
}

// Answers are a pure function of (route, text), so remembering them changes nothing but speed.
const memo = new BoundedMemo<string, MemoEntry>(MEMO_CAPACITY);

const HEALTH: AnalysisReply = deepFreeze({ status: 200, body: { status: 'ok' } });

/**
 * The argument-analysis API: the one implementation behind the in-process plugin and the HTTP server.
 * Successful bodies are deeply frozen and shared between calls with the same text: copy before changing.
 */
export function analysisRoute(method: string, path: string, body: unknown): AnalysisReply {
  const route = routeOf(path);
  const verb = method.toUpperCase();
  if (route === '/api/health') return verb === 'GET' ? HEALTH : notAllowed(route, 'GET', verb);
  if (!isTextRoute(route)) {
    return errorReply(
      404,
      'NOT_FOUND',
      `no route ${route}: the analysis API serves ${ANALYSIS_ENDPOINTS.join(', ')}`,
    );
  }
  if (verb !== 'POST') return notAllowed(route, 'POST', verb);
  const text = requestText(body);
  if (typeof text !== 'string') return text;
  return answer(route, text);
}

/** Forgets every remembered answer (for tests and benchmarks that measure cold analysis). */
export function clearAnalysisMemo(): void {
  memo.clear();
}

function answer(route: TextRoute, text: string): AnalysisReply {
  let entry = memo.get(text);
  if (!entry) {
    entry = { analysis: analyseText(text), replies: {} };
    memo.set(text, entry);
  }
  const cached = entry.replies[route];
  if (cached) return cached;
  const reply = deepFreeze({ status: 200, body: ROUTE_BODIES[route](entry.analysis) });
  entry.replies[route] = reply;
  return reply;
}

function notAllowed(route: string, allowed: string, method: string): AnalysisReply {
  return errorReply(405, 'METHOD_NOT_ALLOWED', `${route} accepts ${allowed} only, not ${method}`);
}

/** The path without its query string or fragment. */
function routeOf(path: string): string {
  const cut = path.search(/[?#]/u);
  return cut < 0 ? path : path.slice(0, cut);
}
