/**
 * Throughput of the faultline proxy with no fault in force, against a direct connection to the same
 * node:http upstream and against nginx as a reverse proxy (when `nginx` is on the PATH). Loopback only.
 * Each server and the load generator (autocannon) run in their own process.
 *
 *   npx tsx bench/http/proxy-throughput.ts [--duration 10] [--connections 100] [--rounds 3]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProxy } from '../../src/http/proxy.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '../..');
const BODY = JSON.stringify({ status: 'ok', service: 'argument-analysis', version: '1.0.0' });

interface Figures {
  readonly label: string;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
}

const role = process.argv[2];
if (role === 'upstream') await serveUpstream();
else if (role === 'proxy') await serveProxy(process.argv[3] ?? '');
else await main();

/** The upstream: the smallest useful node:http JSON endpoint, so the proxies' own cost dominates. */
async function serveUpstream(): Promise<void> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
}

async function serveProxy(target: string): Promise<void> {
  const proxy = await startProxy({ target });
  // An orderly exit lets `node --cpu-prof` write its profile when the bench stops this process.
  process.once('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
  console.log(new URL(proxy.url).port);
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const duration = option('duration', 10);
  const connections = option('connections', 100);
  const roundCount = option('rounds', 3);
  const children: ChildProcess[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  try {
    const upstreamPort = await spawnServer(children, ['upstream']);
    const upstream = `http://127.0.0.1:${upstreamPort}`;
    const proxyPort = await spawnServer(children, ['proxy', upstream]);
    const nginxPort = hasNginx() ? await startNginx(children, scratch, upstreamPort) : undefined;

    const targets: [string, string][] = [
      ['direct node:http', upstream],
      ['faultline proxy', `http://127.0.0.1:${proxyPort}`],
    ];
    if (nginxPort) targets.push(['nginx proxy_pass', `http://127.0.0.1:${nginxPort}`]);
    // Rounds interleave the targets so a burst of load from elsewhere on the machine hits all of them.
    const rounds: Figures[][] = targets.map(() => []);
    for (let round = 0; round < roundCount; round++) {
      for (const [i, [label, url]] of targets.entries())
        rounds[i]!.push(await load(label, url, duration, connections));
    }
    report(rounds.map(median), duration, connections, roundCount);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs this file in another process in a server role; resolves with the port it printed. */
async function spawnServer(children: ChildProcess[], args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', HERE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return Number(chunk.toString().trim());
}

function hasNginx(): boolean {
  try {
    execFileSync('which', ['nginx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** nginx as a keep-alive reverse proxy in front of the same upstream, its files in a scratch folder. */
async function startNginx(children: ChildProcess[], scratch: string, upstreamPort: number): Promise<number> {
  const port = await freePort();
  const asRoot = process.getuid?.() === 0 ? 'user root;' : '';
  const conf = `${asRoot}
worker_processes 1;
daemon off;
pid ${scratch}/nginx.pid;
error_log ${scratch}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${scratch}/body;
  proxy_temp_path ${scratch}/proxy;
  fastcgi_temp_path ${scratch}/fastcgi;
  uwsgi_temp_path ${scratch}/uwsgi;
  scgi_temp_path ${scratch}/scgi;
  upstream backend { server 127.0.0.1:${upstreamPort}; keepalive 128; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`;
  const file = join(scratch, 'nginx.conf');
  writeFileSync(file, conf);
  const child = spawn('nginx', ['-p', scratch, '-c', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await waitForPort(port);
  return port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls (a bounded number of times) until something accepts on the port. */
async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (res) => res.arrayBuffer().then(() => true),
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after 5s`);
}

/** One autocannon run (warm-up first) in its own process; its JSON summary gives req/s and p99. */
async function load(label: string, url: string, duration: number, connections: number): Promise<Figures> {
  await autocannon(url, 2, connections);
  const summary = await autocannon(url, duration, connections);
  return {
    label,
    requestsPerSecond: summary.requests.average,
    p99Ms: summary.latency.p99,
    errors: summary.errors + summary.non2xx,
  };
}

interface AutocannonSummary {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
}

async function autocannon(url: string, duration: number, connections: number): Promise<AutocannonSummary> {
  const bin = join(ROOT, 'node_modules/autocannon/autocannon.js');
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), url], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(child, 'exit');
  return JSON.parse(Buffer.concat(chunks).toString()) as AutocannonSummary;
}

/** The round with the median throughput (its p99 goes with it, so the two figures come from one run). */
function median(runs: readonly Figures[]): Figures {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function report(
  results: readonly Figures[],
  duration: number,
  connections: number,
  roundCount: number,
): void {
  const direct = results[0]!;
  const nginx = results.find((result) => result.label.startsWith('nginx'));
  console.log(
    `loopback, ${connections} connections, ${duration}s per target, median of ${roundCount} interleaved rounds, ` +
      `${BODY.length}-byte JSON body\n`,
  );
  console.log('target               req/s     p99 ms   vs direct  vs nginx (req/s, p99)  errors');
  for (const r of results) {
    const vsNginx = nginx
      ? `${ratio(r.requestsPerSecond, nginx.requestsPerSecond)}, ${ratio(r.p99Ms, nginx.p99Ms)}`
      : 'n/a';
    console.log(
      `${r.label.padEnd(18)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p99Ms.toFixed(1).padStart(9)}` +
        `   ${ratio(r.requestsPerSecond, direct.requestsPerSecond).padStart(8)}  ${vsNginx.padEnd(21)}  ${r.errors}`,
    );
  }
  if (!nginx) console.log('\nnginx not found on PATH: install it to compare.');
}

function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a';
}
