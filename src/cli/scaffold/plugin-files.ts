import type { NewFile } from './write-new-files.ts';

/** `faultline new plugin <name>`: a backend plugin and a test that runs a scenario against it. */
export function pluginFiles(name: string, folder: string): NewFile[] {
  return [
    { path: `${folder}/${name}/index.ts`, text: pluginSource(name) },
    { path: `${folder}/${name}/${name}.test.ts`, text: pluginTest(name) },
  ];
}

/** Plugin names become folder names and appear in results: keep them simple. */
export const PLUGIN_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function pluginSource(name: string): string {
  return `import { defineBackend, z } from 'faultline';

/** Options a scenario gives under backends.<name>.options, validated before the run starts. */
const options = z.strictObject({
  /** Base latency of every call, in ms. */
  latencyMs: z.number().min(0).default(50),
});

/**
 * ${name}: a backend faultline can put faults and policies in front of. Replace the body of \`call\`
 * with a call to your service's client. Wait only on \`call.clock\` (virtual in simulations) and draw
 * randomness only from \`call.rng\`, so runs stay reproducible from their seed.
 */
export default defineBackend({
  name: '${name}',
  description: '${name} backend',
  options,
  create(opts) {
    return {
      name: '${name}',
      async call(request, call) {
        await call.clock.sleep(opts.latencyMs, call.signal);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: { ok: true, path: request.path } };
      },
      async close() {
        // Release connections, servers or interceptors opened in create().
      },
    };
  },
});
`;
}

function pluginTest(name: string): string {
  return `import { fileURLToPath } from 'node:url';
import { parseScenario, runScenario } from 'faultline';
import { describe, expect, it } from 'vitest';

const plugin = fileURLToPath(new URL('./index.ts', import.meta.url));

const scenario = (faults: string) =>
  parseScenario(
    '${name}.yaml',
    \`name: ${name} smoke test
backends: { primary: { plugin: \${JSON.stringify(plugin)}, options: { latencyMs: 40 } } }
policies: { retry: { maxAttempts: 3, backoff: { type: constant, delay: 10ms } } }
workload: { model: closed, clients: 2, requests: 200 }
phases: [{ name: all, from: 0s, faults: [\${faults}] }]\`,
  );

describe('${name} backend', () => {
  it('answers every request after its base latency', async () => {
    const result = await runScenario(scenario(''), { seed: 1 });
    expect(result.requests.total).toBe(200);
    expect(result.availability).toBe(1);
    expect(result.latency.p50).toBeCloseTo(40, 0);
  });

  it('recovers injected 503s through retries', async () => {
    const result = await runScenario(scenario('{ kind: error, status: 503, rate: 0.2 }'), { seed: 1 });
    // Three attempts at a 20% failure rate: about 1 - 0.2^3 = 99.2% of requests succeed.
    expect(result.availability).toBeGreaterThan(0.97);
    expect(result.backend.callsPerRequest).toBeGreaterThan(1.1);
  });
});
`;
}
