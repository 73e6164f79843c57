import type { NewFile } from './write-new-files.ts';

/** `faultline new plugin <name> --http`: a real service client and a test against `faultline serve`. */
export function httpPluginFiles(name: string, folder: string): NewFile[] {
  const env = name.toUpperCase().replaceAll('-', '_');
  return [
    { path: `${folder}/${name}/index.ts`, text: httpPluginSource(name, env) },
    { path: `${folder}/${name}/${name}.test.ts`, text: httpPluginTest(name, env) },
  ];
}

function httpPluginSource(name: string, env: string): string {
  return `import { defineBackend, z } from 'faultline';

/** Options a scenario gives under backends.<name>.options, validated before the run starts. */
const options = z.strictObject({
  /** Environment variable holding the service's base URL (never the URL itself in a scenario file). */
  urlEnv: z.string().min(1).default('${env}_URL'),
  /** Environment variable holding the API key, sent as a Bearer token; no header when it is unset. */
  keyEnv: z.string().min(1).default('${env}_KEY'),
  /** Give up on a call after this long (real time). */
  timeoutMs: z.number().int().min(1).max(120_000).default(5_000),
});

/** What the service must answer; anything else is reported as MALFORMED_BODY. Adapt it to your API. */
const answerShape = z.looseObject({ fallacies: z.array(z.unknown()) });

/**
 * ${name}: a client of a real HTTP service, for scenarios with \`mode: real-time\` (or
 * \`faultline run --real-backend\`). faultline puts its faults and policies in front of it.
 */
export default defineBackend({
  name: '${name}',
  description: '${name}: an HTTP service client (URL and key from the environment)',
  options,
  create(opts) {
    const base = process.env[opts.urlEnv];
    if (!base) throw new Error(\`${name}: set \${opts.urlEnv} to the service's base URL before running\`);
    const key = process.env[opts.keyEnv];
    return {
      name: '${name}',
      async call(request, call) {
        const signal = AbortSignal.any([call.signal, AbortSignal.timeout(opts.timeoutMs)]);
        const headers: Record<string, string> = { accept: 'application/json' };
        if (key) headers.authorization = \`Bearer \${key}\`;
        const hasBody = request.method === 'POST';
        if (hasBody) headers['content-type'] = 'application/json';
        try {
          const response = await fetch(new URL(request.path, base), {
            method: request.method,
            headers,
            body: hasBody ? JSON.stringify(request.body ?? {}) : undefined,
            signal,
          });
          const text = await response.text();
          return { status: response.status, headers: Object.fromEntries(response.headers), body: parsed(text) };
        } catch (error) {
          // fetch hides the socket's code (ECONNREFUSED...) in its cause; results count failures by it.
          const code = (error as { cause?: { code?: unknown } }).cause?.code;
          throw Object.assign(new Error(\`${name}: \${request.method} \${request.path} failed\`), {
            code: typeof code === 'string' ? code : signal.aborted ? 'TIMEOUT' : 'NETWORK',
          });
        }
      },
      validate(request, body) {
        if (request.path !== '/api/analyze' && request.path !== '/api/detect-fallacies') return undefined;
        const checked = answerShape.safeParse(body);
        return checked.success ? undefined : \`unexpected answer: \${checked.error.issues[0]?.message}\`;
      },
    };
  },
});

/** JSON when it parses, else the raw text (which the shape check then reports). */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
`;
}

function httpPluginTest(name: string, env: string): string {
  return `import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseScenario, runScenario } from 'faultline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const plugin = fileURLToPath(new URL('./index.ts', import.meta.url));
const KEY = 'test-key-not-a-secret';
let serve: ChildProcess;

/** Starts \`faultline serve\` on a free port of 127.0.0.1, requiring the Bearer key, and returns its URL. */
async function startServe(): Promise<string> {
  serve = spawn(process.execPath, [faultlineBin(), 'serve', '--port', '0', '--auth-env', 'SERVE_KEY'], {
    env: { ...process.env, SERVE_KEY: KEY },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: serve.stdout as NodeJS.ReadableStream })) {
    // serve prints "faultline serve: <url> …" once listening (log lines may come before it).
    const url = line.split(' ').find((word) => word.startsWith('http://127.0.0.1:'));
    if (url) return url;
  }
  throw new Error('faultline serve stopped before listening');
}

/** The faultline CLI of the installed package: its package.json (above its entry point) names it. */
function faultlineBin(): string {
  for (let dir = dirname(createRequire(import.meta.url).resolve('faultline')); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; bin?: { faultline?: string } };
    if (pkg.name === 'faultline' && pkg.bin?.faultline) return join(dir, pkg.bin.faultline);
  }
  throw new Error('cannot find the faultline package');
}

beforeAll(async () => {
  process.env.${env}_URL = await startServe();
}, 30_000);
afterAll(() => {
  serve?.kill();
});

const scenario = (faults: string) =>
  parseScenario(
    '${name}.yaml',
    \`name: ${name} against faultline serve
mode: real-time
backends: { primary: { plugin: \${JSON.stringify(plugin)} } }
policies: { retry: { maxAttempts: 3, backoff: { type: constant, delay: 10ms } } }
workload: { model: closed, clients: 2, requests: 20, mix: [{ endpoint: /api/analyze }] }
phases: [{ name: all, from: 0s, faults: [\${faults}] }]\`,
  );

describe('${name} backend', () => {
  it('calls the service with its key and gets analyses of the right shape', async () => {
    process.env.${env}_KEY = KEY;
    const result = await runScenario(scenario(''), { seed: 1 });
    expect(result.requests.total).toBe(20);
    expect(result.availability).toBe(1);
  }, 30_000);

  it('without the key the service refuses every call with 401', async () => {
    delete process.env.${env}_KEY;
    const result = await runScenario(scenario(''), { seed: 1 });
    expect(result.requests.failuresByCode).toEqual({ HTTP_401: 20 });
  }, 30_000);

  it('recovers injected 503s through retries', async () => {
    process.env.${env}_KEY = KEY;
    const result = await runScenario(scenario('{ kind: error, status: 503, rate: 0.2 }'), { seed: 1 });
    expect(result.availability).toBeGreaterThan(0.9);
    expect(result.backend.callsPerRequest).toBeGreaterThan(1);
  }, 30_000);
});
`;
}
