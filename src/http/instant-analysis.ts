import { analysisRoute } from '../analysis/router.ts';
import type { Backend } from '../backend/contract.ts';

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

/** The analysis API answering at once: what `faultline serve` runs when no scenario gives it a latency. */
export const instantAnalysisBackend: Backend = {
  name: 'analysis',
  async call(request) {
    const reply = analysisRoute(request.method, request.path, request.body);
    return { status: reply.status, headers: JSON_HEADERS, body: reply.body };
  },
};
