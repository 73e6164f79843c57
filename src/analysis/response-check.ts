import { type AnalysisRoute, responseSchemas } from './response-schemas.ts';

// Bodies already found well-formed. Only frozen ones are remembered: they cannot have changed since, and
// the router's shared bodies are frozen, so a simulation pays for a full check once per distinct answer.
const knownGood = new WeakSet<object>();

/**
 * Undefined when `body` has the shape the route promises, else a short reason such as
 * "fallacies.0.start: expected number, received string". Paths outside the API are not checked.
 */
export function validateAnalysisResponse(path: string, body: unknown): string | undefined {
  const route = path.replace(/[?#].*$/su, '');
  if (!Object.hasOwn(responseSchemas, route)) return undefined;
  if (typeof body === 'object' && body !== null && knownGood.has(body)) return undefined;
  const result = responseSchemas[route as AnalysisRoute].safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) return 'does not match the response schema';
    return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
  }
  if (typeof body === 'object' && body !== null && Object.isFrozen(body)) knownGood.add(body);
  return undefined;
}
