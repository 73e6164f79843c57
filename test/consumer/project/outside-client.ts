// A user's TypeScript client that lives outside the project folder (no package.json near it): the
// consumer test names it from a scenario run through the msw plugin.
interface AnalysisRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

export default async function analyse(
  request: AnalysisRequest,
  context: { readonly signal: AbortSignal; readonly baseUrl: string },
): Promise<unknown> {
  const response: Response = await fetch(`${context.baseUrl}${request.path}`, {
    method: request.method,
    headers: request.body === undefined ? {} : { 'content-type': 'application/json' },
    body: request.body === undefined ? null : JSON.stringify(request.body),
    signal: context.signal,
  });
  if (!response.ok)
    throw Object.assign(new Error(`API answered ${response.status}`), { status: response.status });
  return response.json();
}
