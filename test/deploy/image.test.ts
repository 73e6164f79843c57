import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/cli-process.ts';

const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
/** Instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const named = (word: string) => instructions.filter((line) => line.startsWith(`${word} `));
const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('Dockerfile (static checks, hadolint-like)', () => {
  it('is multi-stage on a pinned Node 20 slim base, never :latest', () => {
    const froms = named('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^FROM node:20\.\d+\.\d+-[a-z]+-slim( AS \w+)?$/);
    expect(dockerfile).not.toMatch(/:latest\b/);
  });

  it('builds in the first stage and ships only the build and production dependencies', () => {
    const runs = named('RUN').join('\n');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build/);
    expect(runs).toMatch(/npm prune --omit=dev|npm ci --omit=dev/);
    const runtime = instructions.slice(instructions.findLastIndex((line) => line.startsWith('FROM ')));
    const copies = runtime.filter((line) => line.startsWith('COPY '));
    expect(copies.some((line) => /--from=\w+ \S*node_modules/.test(line))).toBe(true);
    expect(copies.some((line) => /\bsrc\b|\btest\b/.test(line.replace(/dist/g, '')))).toBe(false);
  });

  it('runs as a numeric non-root user, faultline as the entrypoint (exec form)', () => {
    const user = named('USER').at(-1);
    expect(user).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(named('ENTRYPOINT')).toEqual(['ENTRYPOINT ["faultline"]']);
  });

  it('.dockerignore lets in only what the build copies', () => {
    const ignore = readFileSync(join(REPO, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const allowed = ignore
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).replace(/\/$/, ''));
    for (const never of ['node_modules', 'dist', '.git', 'test', 'bench'])
      expect(allowed).not.toContain(never);
    for (const copied of named('COPY').filter((line) => !line.includes('--from='))) {
      for (const source of copied.split(/\s+/).slice(1, -1)) expect(allowed, copied).toContain(source);
    }
  });
});

/**
 * Build and run the image where a container engine works. This machine has no image registry, so the
 * base image comes from Debian packages (deploy/image/build-local-base.sh). Some sandboxes refuse
 * crun's rlimits: then runc with explicit ulimits is tried.
 */
const BASE = named('FROM')[0]?.split(' ')[1] ?? '';
const podman = (args: string[], timeout = 60_000) =>
  spawnSync('podman', args, { cwd: REPO, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
const RUNC = ['--runtime', 'runc'];
const LIMITS = ['--ulimit', 'nofile=1024:20000', '--ulimit', 'nproc=1024:4096'];

function engine(): { ok: true; global: string[]; limits: string[] } | { ok: false; why: string } {
  if (podman(['--version']).status !== 0) return { ok: false, why: 'no container engine (podman) here' };
  if (podman(['image', 'exists', `docker.io/library/${BASE}`]).status !== 0) {
    return { ok: false, why: `no base image ${BASE}; build it with deploy/image/build-local-base.sh` };
  }
  for (const [global, limits] of [
    [[], []],
    [RUNC, LIMITS],
  ] as const) {
    const probe = podman([...global, 'run', '--rm', '--pull=never', ...limits, BASE, 'node', '-v']);
    if (probe.status === 0) return { ok: true, global: [...global], limits: [...limits] };
  }
  return { ok: false, why: 'podman is installed but cannot run containers here' };
}

const found = engine();
if (!found.ok) console.warn(`image test skipped: ${found.why}`);

describe.skipIf(!found.ok)('the image (built and run with podman)', () => {
  const { global = [], limits = [] } = found.ok ? found : {};
  const tag = `localhost/faultline:${VERSION}`;

  it(
    'builds, runs as user 10001, and runs a scenario mounted as a volume',
    () => {
      const build = podman(
        [...global, 'build', '--pull=never', ...limits, '--network', 'host', '-t', tag, '.'],
        15 * 60_000,
      );
      expect(build.status, build.stderr.slice(-2000)).toBe(0);
      expect(podman(['image', 'inspect', '--format', '{{.Config.User}}', tag]).stdout.trim()).toBe(
        '10001:10001',
      );
      const version = podman([...global, 'run', '--rm', ...limits, tag, '--version']);
      expect(version.stdout.trim()).toBe(VERSION);

      const work = mkdtempSync(join(tmpdir(), 'faultline-image-'));
      mkdirSync(join(work, 'scenarios'));
      mkdirSync(join(work, 'results'));
      chmodSync(join(work, 'results'), 0o777);
      cpSync(join(REPO, 'scenarios', 'retry-storm.yaml'), join(work, 'scenarios', 'retry-storm.yaml'));
      const run = podman([
        ...global,
        'run',
        '--rm',
        // As the Kubernetes manifests run it: read-only root filesystem.
        '--read-only',
        ...limits,
        '-v',
        `${join(work, 'scenarios')}:/work/scenarios:ro`,
        '-v',
        `${join(work, 'results')}:/results`,
        tag,
        'run',
        'scenarios/',
        '--reporter',
        'console',
        '--reporter',
        'json',
        '--out-dir',
        '/results',
      ]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/✓ retry-storm/);
      expect(readdirSync(join(work, 'results'))).toContain('retry-storm.json');
      // Written by the image's user, not root.
      expect(statSync(join(work, 'results', 'retry-storm.json')).uid).toBe(10001);
    },
    16 * 60_000,
  );
});
