import { describe, expect, it } from 'vitest';
import { finished, startCli, waitForOutput } from '../cli/cli-process.ts';
import { fetchOutcome, jsonPost } from './support/clients.ts';

const OUTAGE = 'scenarios/outage-with-fallback.yaml';

describe('faultline serve and faultline proxy on the command line', () => {
  it('serve answers the API on a free port, proxy forwards to it, and both stop cleanly on SIGINT', async () => {
    const serve = startCli(['serve', '--port', '0', '--scenario', OUTAGE, '--log-level', 'warn']);
    const serveUrl = /faultline serve: (http:\/\/127\.0\.0\.1:\d+)/.exec(
      await waitForOutput(serve, /faultline serve: http:\S+/),
    )?.[1];
    expect(serveUrl).toBeDefined();
    const proxy = startCli(['proxy', '--target', `${serveUrl}`, '--port', '0', '--log-level', 'warn']);
    const printed = await waitForOutput(proxy, /control: http:\S+/);
    const [, proxyUrl, controlUrl] = /faultline proxy: (\S+) -> \S+ +control: (\S+)/.exec(printed) ?? [];

    // The outage scenario starts healthy: the analysis answers through the proxy.
    const answer = await fetchOutcome(
      `${proxyUrl}/api/analyze`,
      jsonPost({ text: 'It rains, so it is wet.' }),
    );
    expect(answer.ok && answer.status).toBe(200);
    const phases = await fetchOutcome(`${controlUrl}/phases`);
    expect(phases.ok && JSON.parse(phases.body.toString())).toMatchObject({ phases: [], mode: 'timeline' });

    proxy.kill('SIGINT');
    serve.kill('SIGINT');
    const [proxyRun, serveRun] = await Promise.all([finished(proxy), finished(serve)]);
    expect([proxyRun.code, serveRun.code]).toEqual([0, 0]);
  });

  it('proxy refuses a metadata target with a one-line error and exit code 2', async () => {
    const run = await finished(startCli(['proxy', '--target', 'http://169.254.169.254/', '--port', '0']));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/faultline: Refused target http:\/\/169\.254\.169\.254: .*metadata address/);
  });
});
