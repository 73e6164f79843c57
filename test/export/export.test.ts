import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportScenario } from '../../src/export/export-scenario.ts';
import { toxiproxySchema, virtualServiceSchema, workflowSchema } from '../../src/export/schemas.ts';
import { EXPORT_TARGETS } from '../../src/export/targets.ts';
import type { ExportTarget } from '../../src/export/types.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { REPO, runCli } from '../cli/cli-process.ts';

const TARGET: ExportTarget = { service: 'reviews', namespace: 'shop', port: 8080, listen: '127.0.0.1:26379' };
const SCHEMAS = {
  toxiproxy: toxiproxySchema,
  istio: virtualServiceSchema,
  'chaos-mesh': workflowSchema,
} as const;

async function shippedScenarios(): Promise<Scenario[]> {
  const dir = join(REPO, 'scenarios');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(files.map(async (f) => (await loadScenarioFile(join(dir, f))).scenario));
}

describe('faultline export', () => {
  it('writes documents that validate against each target’s schema for all 23 shipped scenarios, and lists what each drops', async () => {
    const scenarios = await shippedScenarios();
    expect(scenarios).toHaveLength(23);
    const listing: string[] = [];
    for (const to of EXPORT_TARGETS) {
      listing.push(`## ${to}`, '');
      for (const scenario of scenarios) {
        const exported = exportScenario(scenario, to, TARGET);
        for (const doc of exported.documents) {
          // Through the text the user gets, and back: the schema holds for what is written, not only in memory.
          const text =
            exported.format === 'json' ? JSON.stringify(doc) : (await import('yaml')).stringify(doc);
          expect(
            SCHEMAS[to].safeParse(exported.format === 'json' ? JSON.parse(text) : parse(text)).success,
          ).toBe(true);
        }
        listing.push(`- ${scenario.name}:${exported.warnings.length === 0 ? ' nothing dropped' : ''}`);
        for (const warning of exported.warnings) listing.push(`  - ${warning}`);
      }
      listing.push('');
    }
    await expect(listing.join('\n')).toMatchFileSnapshot('./__snapshots__/drops.md');
  });

  it('maps faults it can express exactly', async () => {
    const byName = new Map((await shippedScenarios()).map((s) => [s.name, s]));
    const burst = byName.get('burst-5xx') as Scenario;
    const istio = exportScenario(burst, 'istio', TARGET);
    expect(istio.warnings).toEqual([]);
    expect(istio.documents).toHaveLength(1);
    expect(virtualServiceSchema.parse(istio.documents[0]).spec.http[0]?.fault?.abort).toEqual({
      httpStatus: 503,
      percentage: { value: 50 },
    });

    const toxiproxy = toxiproxySchema.parse(exportScenario(burst, 'toxiproxy', TARGET).documents[0]);
    expect(toxiproxy.phases.find((p) => p.name === 'burst')?.toxics).toEqual([]);
    expect(exportScenario(burst, 'toxiproxy', TARGET).warnings).toEqual([
      'phase "burst", error fault: dropped: Toxiproxy cannot answer HTTP 503',
    ]);

    const chaos = workflowSchema.parse(exportScenario(burst, 'chaos-mesh', TARGET).documents[0]);
    const serial = chaos.spec.templates.find((t) => t.name === chaos.spec.entry);
    expect(serial && 'children' in serial ? serial.children : []).toEqual([
      'phase-1-before',
      'phase-2-burst',
      'phase-3-after',
    ]);
    const step = chaos.spec.templates.find((t) => t.templateType === 'HTTPChaos');
    expect(step).toMatchObject({
      deadline: '30s',
      httpChaos: { target: 'Response', replace: { code: 503 }, port: 8080 },
    });
  });

  it('keeps a hang as a never-closing timeout toxic with the fault’s rate', async () => {
    const hanging = (await shippedScenarios()).find((s) => s.name === 'hanging-sockets') as Scenario;
    const doc = toxiproxySchema.parse(exportScenario(hanging, 'toxiproxy', TARGET).documents[0]);
    const toxics = doc.phases.flatMap((p) => p.toxics);
    expect(toxics).toContainEqual({
      name: 'network-1',
      type: 'timeout',
      stream: 'downstream',
      toxicity: 0.05,
      attributes: { timeout: 0 },
    });
  });

  it('schemas refuse what the targets refuse', () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'a', namespace: 'b' },
      spec: {
        hosts: ['h'],
        http: [
          {
            fault: { abort: { httpStatus: 503, percentage: { value: 150 } } },
            route: [{ destination: { host: 'h' } }],
          },
        ],
      },
    };
    expect(virtualServiceSchema.safeParse(vs).success).toBe(false);
    expect(
      virtualServiceSchema.safeParse({
        ...vs,
        spec: { ...vs.spec, http: [{ route: [{ destination: { host: 'h' } }], fault: {} }] },
      }).success,
    ).toBe(false);
    const workflow = {
      apiVersion: 'chaos-mesh.org/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'w', namespace: 'n' },
      spec: { entry: 'missing', templates: [{ name: 'a', templateType: 'Suspend', deadline: '1s' }] },
    };
    expect(workflowSchema.safeParse(workflow).success).toBe(false);
    expect(workflowSchema.safeParse({ ...workflow, spec: { ...workflow.spec, entry: 'a' } }).success).toBe(
      true,
    );
    expect(
      toxiproxySchema.safeParse({
        proxy: { name: 'p', listen: 'l', upstream: 'u', enabled: true },
        phases: [
          {
            name: 'x',
            from: '0s',
            enabled: true,
            toxics: [
              { name: 't', type: 'latency', stream: 'downstream', toxicity: 1, attributes: { latency: 10 } },
            ],
          },
        ],
      }).success,
    ).toBe(false);
  });

  it('--strict exits 2 when the target drops something, and not otherwise', async () => {
    const lossy = await runCli(['export', 'scenarios/burst-5xx.yaml', '--to', 'toxiproxy', '--strict']);
    expect(lossy.code).toBe(2);
    expect(lossy.stderr).toContain(
      'toxiproxy: phase "burst", error fault: dropped: Toxiproxy cannot answer HTTP 503',
    );
    const exact = await runCli(['export', 'scenarios/burst-5xx.yaml', '--to', 'istio', '--strict']);
    expect(exact.code, exact.stderr).toBe(0);
    expect(virtualServiceSchema.parse(parse(exact.stdout)).kind).toBe('VirtualService');
  }, 30_000);
});
