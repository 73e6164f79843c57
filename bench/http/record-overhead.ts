/**
 * What recording costs: throughput of the faultline proxy with no fault in force, with and without
 * `--record` (HAR streamed to a scratch file), in front of the same node:http upstream. Loopback only;
 * the upstream, each proxy and the load generator (autocannon) run in their own processes, and rounds
 * interleave the two proxies so load from elsewhere on the machine hits both. Target: ≥ 0.8× without.
 *
 *   npx tsx bench/http/record-overhead.ts [--duration 5] [--connections 50] [--rounds 3]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProxy } from '../../src/http/proxy.ts';
import { startRecording } from '../../src/record/recorder.ts';
import { numberOption } from '../lib/argv.ts';
import { median } from '../lib/median.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '../..');
const BODY = JSON.stringify({ status: 'ok', service: 'argument-analysis', version: '1.0.0' });

const role = process.argv[2];
if (role === 'upstream') serveUpstream();
else if (role === 'proxy') await serveProxy(process.argv[3] ?? '', process.argv[4]);
else await main();

function serveUpstream(): void {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
}

async function serveProxy(target: string, harFile: string | undefined): Promise<void> {
  const recorder = harFile ? await startRecording(harFile) : undefined;
  const proxy = await startProxy({ target, observe: recorder?.observe });
  process.once(
    'SIGTERM',
    () =>
      void proxy
        .close()
        .then(() => recorder?.close())
        .then(() => process.exit(0)),
  );
  console.log(new URL(proxy.url).port);
}

async function main(): Promise<void> {
  const duration = numberOption('duration', 5);
  const connections = numberOption('connections', 50);
  const roundCount = numberOption('rounds', 3);
  const children: ChildProcess[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'faultline-record-bench-'));
  const har = join(scratch, 'bench.har');
  try {
    const upstream = `http://127.0.0.1:${await spawnServer(children, ['upstream'])}`;
    const plain = `http://127.0.0.1:${await spawnServer(children, ['proxy', upstream])}`;
    const recording = `http://127.0.0.1:${await spawnServer(children, ['proxy', upstream, har])}`;
    const runs: { plain: number[]; recording: number[] } = { plain: [], recording: [] };
    for (let round = 0; round < roundCount; round++) {
      runs.plain.push(await load(plain, duration, connections));
      runs.recording.push(await load(recording, duration, connections));
    }
    const plainRps = median(runs.plain);
    const recordingRps = median(runs.recording);
    console.log(
      `loopback, ${connections} connections, ${duration}s per run, median of ${roundCount} interleaved rounds`,
    );
    console.log(`proxy                 ${plainRps.toFixed(0).padStart(8)} req/s`);
    console.log(
      `proxy --record        ${recordingRps.toFixed(0).padStart(8)} req/s   ${(recordingRps / plainRps).toFixed(2)}x (target ≥ 0.80x)`,
    );
    console.log(`HAR written: ${(statSync(har).size / 1024 / 1024).toFixed(1)} MiB`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function spawnServer(children: ChildProcess[], args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', HERE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  return Number(chunk.toString().trim());
}

/** One autocannon run after a 1 s warm-up, in its own process; the average req/s of its JSON summary. */
async function load(url: string, duration: number, connections: number): Promise<number> {
  await autocannon(url, 1, connections);
  return autocannon(url, duration, connections);
}

async function autocannon(url: string, duration: number, connections: number): Promise<number> {
  const bin = join(ROOT, 'node_modules/autocannon/autocannon.js');
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), url], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(child, 'exit');
  const summary = JSON.parse(Buffer.concat(chunks).toString()) as {
    requests: { average: number };
    errors: number;
    non2xx: number;
  };
  if (summary.errors + summary.non2xx > 0)
    throw new Error(`${url}: ${summary.errors} errors, ${summary.non2xx} non-2xx`);
  return summary.requests.average;
}
