import { z } from 'zod';
import { type BackendPlugin, defineBackend } from '../../backend/contract.ts';
import { createFaultPlan } from '../../faults/create-fault-plan.ts';
import { linkAbort } from '../../policies/abort-link.ts';
import { MAX_LIST, MAX_NAME_LENGTH, MAX_STRING_LENGTH } from '../../scenario/limits.ts';
import type { InterceptorKind } from '../active-interceptor.ts';
import { runInCallScope } from '../call-scope.ts';
import { createChaosExchange } from '../chaos-exchange.ts';
import { interceptedBackendSchema } from '../chaos-source.ts';
import { DEFAULT_BASE_URL, DEFAULT_ROUTES } from '../defaults.ts';
import type { InstallInterception } from '../interception.ts';
import { openBackendRef } from '../open-backend.ts';
import { readClientFailure } from './client-failure.ts';
import { loadClient } from './load-client.ts';

const atMost = (max: number, name: string) => `must be at most ${max} characters (${name})`;
const LONG_STRING = atMost(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH');

/** The options of the msw and nock plugins, bounded like the scenario around them. */
export const clientBackendOptions = z.strictObject({
  /** The user's client module, relative to the scenario file. */
  client: z.string().min(1).max(MAX_STRING_LENGTH, LONG_STRING),
  /** Which export is the client function; default the default export (or the only function exported). */
  export: z.string().min(1).max(MAX_NAME_LENGTH, atMost(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH')).optional(),
  /** Where the client is pointed; intercepted, never reached over the network. */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .max(MAX_STRING_LENGTH, LONG_STRING)
    .default(DEFAULT_BASE_URL),
  /** Paths answered under the base URL; others fail as unhandled. */
  routes: z
    .array(z.string().startsWith('/').max(MAX_STRING_LENGTH, LONG_STRING))
    .min(1)
    .max(MAX_LIST, `must be at most ${MAX_LIST} (MAX_LIST)`)
    .default([...DEFAULT_ROUTES]),
  /** What answers behind the interception, as a backend entry of a scenario: { plugin, options }. */
  backend: interceptedBackendSchema,
});

/**
 * A backend that runs the user's own client code against an intercepted base URL: msw or nock answers
 * the client's real HTTP requests from the backend behind, with the scenario's faults injected at the
 * HTTP level where the client (and its own retries) sees them. It injects the faults itself, so the runner
 * adds no chaos layer in front; every exchange counts as a backend call.
 */
export function defineClientBackend(kind: InterceptorKind, install: InstallInterception): BackendPlugin {
  return defineBackend({
    name: kind,
    description: `your own client code, with its HTTP requests intercepted by ${kind} and answered under the scenario's faults`,
    options: clientBackendOptions,
    async create(options, ctx) {
      const client = await loadClient(options.client, ctx.baseDir, options.export);
      const { faultPlan, faultHooks, backendName, ...innerCtx } = ctx;
      const inner = await openBackendRef(options.backend, innerCtx);
      const exchange = createChaosExchange({
        plan: faultPlan ?? createFaultPlan([]),
        backend: inner,
        backendName: backendName ?? kind,
        clock: ctx.clock,
        rng: ctx.rng.fork('exchanges'),
        hooks: faultHooks,
      });
      let interception: ReturnType<InstallInterception>;
      try {
        interception = install(exchange, { baseUrl: options.baseUrl, routes: options.routes });
      } catch (error) {
        await inner.close?.();
        throw error;
      }
      return {
        name: `${kind}:${inner.name}`,
        injectsFaults: true,
        call: (request, callCtx) =>
          runInCallScope(callCtx, async (scope) => {
            // A signal of its own per call: fetch's Request keeps a listener on the signal it is given until
            // garbage collection, and the policies may hand every call the same long-lived one.
            const own = new AbortController();
            const unlink = linkAbort(callCtx.signal, () => own.abort(callCtx.signal.reason));
            try {
              const body = await client(request, { signal: own.signal, baseUrl: options.baseUrl });
              return { status: 200, headers: {}, body };
            } catch (error) {
              return readClientFailure(error, scope);
            } finally {
              unlink();
            }
          }),
        validate: inner.validate?.bind(inner),
        async close() {
          interception.uninstall();
          await inner.close?.();
        },
      };
    },
  });
}
