// A user's module importing every entry of the installed package: the consumer test type-checks it
// with the user's own tsc (NodeNext, strict, exactOptionalPropertyTypes, no skipLibCheck).
import {
  type Backend,
  type BackendRequest,
  type BackendResponse,
  type CallContext,
  type Clock,
  defineBackend,
  defineConfig,
  ERROR_CODES,
  type ErrorCode,
  type FaultPlan,
  HttpStatusError,
  isCallError,
  isFaultlineError,
  PluginError,
  parseScenario,
  type Rng,
  type RunResult,
  runScenario,
  z,
} from 'faultline';
import { createChaosHandlers, installMswChaos } from 'faultline/msw';
import { installNockChaos } from 'faultline/nock';
import { checkLaw, LAWS, type LawSubject, scenarioArbitrary } from 'faultline/testing';
import { type ChaosHandle, useChaos } from 'faultline/vitest';

/** A third-party plugin written against the public types only. */
export const flaky = defineBackend({
  name: 'flaky',
  options: z.strictObject({ failureRate: z.number().min(0).max(1).default(0.1) }),
  create(options): Backend {
    return {
      name: 'flaky',
      async call(request: BackendRequest, call: CallContext): Promise<BackendResponse> {
        const clock: Clock = call.clock;
        const rng: Rng = call.rng;
        await clock.sleep(10, call.signal);
        if (rng.next() < options.failureRate) throw new HttpStatusError(503);
        return { status: 200, headers: {}, body: { path: request.path } };
      },
    };
  },
});

export const config = defineConfig({ scenarios: ['scenarios'], reporters: ['console', 'json'] });

export function describeError(error: unknown): string {
  if (isCallError(error)) return `${error.kind} ${error.code}`;
  if (isFaultlineError(error)) {
    const code: ErrorCode = error.code;
    return `${code}: ${ERROR_CODES[code]}`;
  }
  return String(error);
}

export async function availability(yaml: string): Promise<number> {
  const result: RunResult = await runScenario(parseScenario('inline.yaml', yaml), { seed: 1 });
  return result.availability;
}

export const unusedPlan: FaultPlan | undefined = undefined;
export const entries = [createChaosHandlers, installMswChaos, installNockChaos, checkLaw, useChaos];
export const law = LAWS.accounting;
export const scenarios = scenarioArbitrary();
export type Handle = ChaosHandle;
export type Subject = LawSubject;
export const pluginError = new PluginError('PLUGIN_INVALID', 'an example');
