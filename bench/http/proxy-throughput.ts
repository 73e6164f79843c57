/**
 * Throughput of the faultline proxy with no fault in force, against a direct connection to the same
 * node:http upstream and against nginx as a reverse proxy (when `nginx` is on the PATH). Loopback only.
 * Each server and each load generator run in their own process. Two load generators, each round
 * running both against every target in turn (so a burst of load from elsewhere hits all targets):
 * wrk (`-t2 -c32`, when `wrk` is on the PATH; the figures the targets are judged on) and autocannon
 * (`--connections`, default 100). Medians over the rounds. Beside the faultline proxy, a bare node:http +
 * undici proxy with no logic at all (no faults, metrics or header filtering): what any proxy built on
 * node:http costs at least. The CPU column is the serving process's own CPU time per request, read from
 * /proc (Linux), which a busy machine disturbs far less than throughput.
 *
 * The faultline proxy is the built package's (npm run build first), as users run it.
 *
 *   npx tsx bench/http/proxy-throughput.ts [--duration 10] [--connections 100] [--rounds 5]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import type * as ProxyModule from '../../src/http/proxy.ts';
import { importBuilt } from '../lib/built.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '../..');
const BODY = JSON.stringify({ status: 'ok', service: 'argument-analysis', version: '1.0.0' });

/** What the issue asks of the proxy under wrk -t2 -c32, against nginx in the same rounds. */
const TARGET_THROUGHPUT_VS_NGINX = 0.7;
const TARGET_P99_VS_NGINX = 2;
const WRK_THREADS = 2;
const WRK_CONNECTIONS = 32;

type Tool = 'wrk' | 'autocannon';

/** Units of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Figures {
  readonly label: string;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** CPU time of the process serving the port, µs per request; undefined without /proc. */
  readonly cpuUsPerRequest: number | undefined;
}

interface Target {
  readonly label: string;
  readonly url: string;
  /** The process doing the serving or proxying, whose CPU time is read. */
  readonly pid: number | undefined;
}

const role = process.argv[2];
if (role === 'upstream') await serveUpstream();
else if (role === 'proxy') await serveProxy(process.argv[3] ?? '');
else if (role === 'bare-proxy') serveBareProxy(process.argv[3] ?? '');
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

/** The faultline proxy as users run it: the built package's, not tsx's transform of the sources. */
async function serveProxy(target: string): Promise<void> {
  const { startProxy } = await importBuilt<typeof ProxyModule>('http/proxy');
  const proxy = await startProxy({ target });
  // An orderly exit lets `node --cpu-prof` write its profile when the bench stops this process.
  process.once('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
  console.log(new URL(proxy.url).port);
}

/** The least a node:http proxy can do: forward, stream back the status, type, length and body. */
function serveBareProxy(target: string): void {
  const pool = new Pool(target, { connections: 128, keepAliveTimeout: 30_000 });
  const server = createServer((req, res) => {
    pool.dispatch(
      { method: 'GET', path: req.url ?? '/', headers: [] },
      {
        onRequestStart() {},
        onResponseStart(_controller, status, headers) {
          res.writeHead(status, [
            'content-type',
            String(headers['content-type']),
            'content-length',
            String(headers['content-length']),
          ]);
        },
        // Methods, not arrows: tsx would wrap each arrow in a naming helper, a per-request cost of its own.
        onResponseData(_controller, chunk) {
          res.write(chunk);
        },
        onResponseEnd() {
          res.end();
        },
        onResponseError(_controller, error) {
          res.destroy(error);
        },
      },
    );
  });
  server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const duration = option('duration', 10);
  const connections = option('connections', 100);
  const roundCount = option('rounds', 5);
  const tools: Tool[] = hasCommand('wrk') ? ['wrk', 'autocannon'] : ['autocannon'];
  const children: ChildProcess[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  try {
    const upstream = await spawnServer(children, ['upstream']);
    const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
    const proxy = await spawnServer(children, ['proxy', upstreamUrl]);
    const bare = await spawnServer(children, ['bare-proxy', upstreamUrl]);
    const nginx = hasCommand('nginx') ? await startNginx(children, scratch, upstream.port) : undefined;

    const at = (label: string, server: { port: number; pid: number | undefined }): Target => ({
      label,
      url: `http://127.0.0.1:${server.port}`,
      pid: server.pid,
    });
    const targets = [
      at('direct node:http', upstream),
      at('faultline proxy', proxy),
      at('bare node proxy', bare),
    ];
    if (nginx) targets.push(at('nginx proxy_pass', nginx));
    // Rounds interleave the targets (and the tools) so a burst of load from elsewhere hits all of them.
    const rounds = new Map<Tool, Figures[][]>(tools.map((tool) => [tool, targets.map(() => [])]));
    for (let round = 0; round < roundCount; round++) {
      for (const [i, target] of targets.entries()) {
        await autocannon(target.url, 2, connections); // warm-up, unrecorded
        for (const tool of tools) {
          const figures =
            tool === 'wrk' ? await wrk(target, duration) : await load(target, duration, connections);
          rounds.get(tool)![i]!.push(figures);
        }
      }
    }
    for (const tool of tools) {
      const setting =
        tool === 'wrk' ? `wrk -t${WRK_THREADS} -c${WRK_CONNECTIONS}` : `autocannon -c${connections}`;
      report(setting, rounds.get(tool)!.map(median), duration, roundCount);
    }
    if (!hasCommand('wrk'))
      console.log('\nwrk not found on PATH: its rows are left out (install wrk to compare).');
    if (!nginx) console.log('\nnginx not found on PATH: install it to compare.');
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs this file in another process in a server role; resolves with the port it printed and its pid. */
async function spawnServer(
  children: ChildProcess[],
  args: string[],
): Promise<{ port: number; pid: number | undefined }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HERE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { port: Number(chunk.toString().trim()), pid: child.pid };
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** nginx as a keep-alive reverse proxy in front of the same upstream, its files in a scratch folder. */
async function startNginx(
  children: ChildProcess[],
  scratch: string,
  upstreamPort: number,
): Promise<{ port: number; pid: number | undefined }> {
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
  return { port, pid: workerOf(child.pid) };
}

/** nginx's one worker process (the master only supervises it), for its CPU time; undefined without pgrep. */
function workerOf(master: number | undefined): number | undefined {
  if (master === undefined) return undefined;
  try {
    return (
      Number(
        execFileSync('pgrep', ['-P', String(master)])
          .toString()
          .trim()
          .split('\n')[0],
      ) || undefined
    );
  } catch {
    return undefined;
  }
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

/** One autocannon run in its own process; its JSON summary gives req/s, p99 and the request count. */
async function load(target: Target, duration: number, connections: number): Promise<Figures> {
  const cpu = cpuMeter(target.pid);
  const summary = await autocannon(target.url, duration, connections);
  return {
    label: target.label,
    requestsPerSecond: summary.requests.average,
    p99Ms: summary.latency.p99,
    errors: summary.errors + summary.non2xx,
    cpuUsPerRequest: cpu(summary.requests.total),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 (utime, stime), counted after the parenthesised command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Starts counting a process's CPU time; called with the requests served since, gives µs per request. */
function cpuMeter(pid: number | undefined): (requests: number) => number | undefined {
  const start = cpuSeconds(pid);
  return (requests) => {
    const end = cpuSeconds(pid);
    if (start === undefined || end === undefined || requests <= 0) return undefined;
    return ((end - start) * 1e6) / requests;
  };
}

/** One wrk run in its own process: req/s, p99 (from --latency) and errors out of its text summary. */
async function wrk(target: Target, duration: number): Promise<Figures> {
  const { label, url } = target;
  const cpu = cpuMeter(target.pid);
  const args = [
    '-t',
    String(WRK_THREADS),
    '-c',
    String(WRK_CONNECTIONS),
    '-d',
    `${duration}s`,
    '--latency',
    url,
  ];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'ignore'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(child, 'exit');
  const text = Buffer.concat(chunks).toString();
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const total = /(\d+) requests in/.exec(text);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\b/m.exec(text);
  if (!rate || !p99) throw new Error(`could not read wrk's summary for ${label}:\n${text}`);
  const unit = p99[2] === 'us' ? 1e-3 : p99[2] === 's' ? 1e3 : 1;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  const errors =
    (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) +
    Number(non2xx?.[1] ?? 0);
  return {
    label,
    requestsPerSecond: Number(rate[1]),
    p99Ms: Number(p99[1]) * unit,
    errors,
    cpuUsPerRequest: cpu(Number(total?.[1] ?? 0)),
  };
}

interface AutocannonSummary {
  requests: { average: number; total: number };
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

/** Median throughput and median p99 over the rounds (each taken on its own), and every round's errors. */
function median(runs: readonly Figures[]): Figures {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cpu = runs.flatMap((run) => (run.cpuUsPerRequest === undefined ? [] : [run.cpuUsPerRequest]));
  return {
    label: runs[0]?.label ?? '',
    requestsPerSecond: middle(runs.map((run) => run.requestsPerSecond)) ?? 0,
    p99Ms: middle(runs.map((run) => run.p99Ms)) ?? 0,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpuUsPerRequest: middle(cpu),
  };
}

function report(setting: string, results: readonly Figures[], duration: number, roundCount: number): void {
  const direct = results[0]!;
  const nginx = results.find((result) => result.label.startsWith('nginx'));
  console.log(
    `\n${setting}, loopback, ${duration}s per target, medians of ${roundCount} interleaved rounds, ` +
      `${BODY.length}-byte JSON body\n`,
  );
  console.log('target               req/s     p99 ms   vs direct  vs nginx (req/s, p99)  CPU µs/req  errors');
  for (const r of results) {
    const vsNginx = nginx
      ? `${ratio(r.requestsPerSecond, nginx.requestsPerSecond)}, ${ratio(r.p99Ms, nginx.p99Ms)}`
      : 'n/a';
    console.log(
      `${r.label.padEnd(18)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p99Ms.toFixed(2).padStart(9)}` +
        `   ${ratio(r.requestsPerSecond, direct.requestsPerSecond).padStart(8)}  ${vsNginx.padEnd(21)}` +
        `  ${(r.cpuUsPerRequest === undefined ? 'n/a' : r.cpuUsPerRequest.toFixed(1)).padStart(10)}  ${r.errors}`,
    );
  }
  const proxy = results.find((result) => result.label === 'faultline proxy');
  if (!nginx || !proxy || !setting.startsWith('wrk')) return;
  const throughput = proxy.requestsPerSecond / nginx.requestsPerSecond;
  const p99 = proxy.p99Ms / nginx.p99Ms;
  const verdict = (met: boolean) => (met ? 'met' : 'missed');
  console.log(
    `targets: throughput ≥ ${TARGET_THROUGHPUT_VS_NGINX}× nginx's: ${throughput.toFixed(2)}× (${verdict(throughput >= TARGET_THROUGHPUT_VS_NGINX)}); ` +
      `p99 ≤ ${TARGET_P99_VS_NGINX}× nginx's: ${p99.toFixed(2)}× (${verdict(p99 <= TARGET_P99_VS_NGINX)})`,
  );
}

function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a';
}
