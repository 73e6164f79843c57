import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, PersistentVolumeClaim, Service } from 'kubernetes-models/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { inBatches, REPO, runCli } from '../cli/cli-process.ts';
import { junitWithoutTimes, resultsWithoutEnvironment } from '../cli/shard-suite.ts';

const DIR = resolve(REPO, 'deploy/kubernetes');
const MANIFESTS = readdirSync(DIR).filter((file) => file.endsWith('.yaml'));

// biome-ignore lint/suspicious/noExplicitAny: manifests are YAML; the Kubernetes schemas check their shape.
type Doc = any;
/** Every document of every manifest file, as plain data. */
const docs: { file: string; doc: Doc }[] = MANIFESTS.flatMap((file) =>
  parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((d) => ({ file, doc: d.toJSON() as Doc })),
);
const find = (kind: string, name: string) => {
  const found = docs.find(({ doc }) => doc.kind === kind && doc.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found.doc;
};

/** The kubernetes-models class that validates each kind against the Kubernetes OpenAPI schema. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'batch/v1/Job': Job,
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
};
const validate = (doc: Doc) => {
  const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!Model) throw new Error(`no schema for ${doc.apiVersion} ${doc.kind}`);
  new Model(doc as never).validate();
};

describe('deploy/kubernetes manifests', () => {
  it('each validates against the Kubernetes schemas (and a broken one would not)', () => {
    expect(docs.map(({ doc }) => doc.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'Job',
      'Job',
      'PersistentVolumeClaim',
      'Service',
    ]);
    for (const { file, doc } of docs) expect(() => validate(doc), file).not.toThrow();
    const broken = structuredClone(find('Job', 'faultline-suite'));
    broken.spec.completions = 'three';
    expect(() => validate(broken)).toThrow(/completions must be integer/);
  });

  it('run every pod as a non-root user with resource requests and limits', () => {
    for (const { file, doc } of docs.filter(({ doc }) => doc.kind === 'Job' || doc.kind === 'Deployment')) {
      const pod = doc.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot, file).toBe(true);
      expect(pod.securityContext.runAsUser, file).toBeGreaterThan(0);
      for (const container of pod.containers) {
        expect(container.resources.requests.cpu, file).toBeDefined();
        expect(container.resources.requests.memory, file).toBeDefined();
        expect(container.resources.limits.memory, file).toBeDefined();
        expect(container.securityContext.allowPrivilegeEscalation, file).toBe(false);
      }
    }
  });

  it('the suite is an Indexed Job whose JOB_COMPLETIONS is its completions, the API key from a Secret', () => {
    const job = find('Job', 'faultline-suite');
    expect(job.spec.completionMode).toBe('Indexed');
    const [container] = job.spec.template.spec.containers;
    const env = Object.fromEntries(container.env.map((e: Doc) => [e.name, e]));
    expect(Number(env.JOB_COMPLETIONS.value)).toBe(job.spec.completions);
    expect(env.FAULTLINE_API_KEY.valueFrom.secretKeyRef).toMatchObject({
      name: 'faultline-api-key',
      key: 'api-key',
    });
    const claims = (file: Doc) =>
      file.spec.template.spec.volumes.map((v: Doc) => v.persistentVolumeClaim?.claimName);
    expect(claims(job)).toContain('faultline-results');
    expect(claims(find('Job', 'faultline-merge'))).toContain('faultline-results');
    expect(find('PersistentVolumeClaim', 'faultline-results').spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it('serve is probed on /api/health, its auth token from a Secret, behind a Service', () => {
    const deployment = find('Deployment', 'faultline-serve');
    const [container] = deployment.spec.template.spec.containers;
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe.httpGet).toEqual({ path: '/api/health', port: 'http' });
    }
    const authEnv = container.args[container.args.indexOf('--auth-env') + 1];
    const env = container.env.find((e: Doc) => e.name === authEnv);
    expect(env.valueFrom.secretKeyRef).toMatchObject({ name: 'faultline-serve-auth', key: 'token' });
    const service = find('Service', 'faultline-serve');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.ports[0].targetPort).toBe(container.ports[0].name);
  });

  it('the ConfigMap holds the library’s scenarios, byte for byte', () => {
    const data = find('ConfigMap', 'faultline-scenarios').data as Record<string, string>;
    expect(Object.keys(data).length).toBeGreaterThan(2);
    for (const [file, text] of Object.entries(data)) {
      expect(text, file).toBe(readFileSync(join(REPO, 'scenarios', file), 'utf8'));
    }
  });
});

/**
 * The manifests' exact command lines, run here: the ConfigMap mounted as Kubernetes mounts it (each key a
 * symlink into ..data), the results volume a folder, one process per index with the Job's environment,
 * then the merge Job's command. Compared with one `faultline run` of the same folder.
 */
describe('the suite Job and the merge Job, run locally as processes', () => {
  const work = mkdtempSync(join(tmpdir(), 'faultline-k8s-'));
  const results = join(work, 'results');
  const cwd = join(work, 'work');
  const suite = find('Job', 'faultline-suite');
  const merge = find('Job', 'faultline-merge');
  const podOf = (job: Doc) => job.spec.template.spec.containers[0] as Doc;

  /** Kubernetes' $(VAR) expansion, and the volume mount paths mapped to local folders. */
  const localArgs = (args: string[], env: Record<string, string>) =>
    args.map((arg) =>
      arg
        .replace(/\$\(([A-Z_][A-Z0-9_]*)\)/g, (_, name: string) => env[name] ?? `$(${name})`)
        .replace(/^\/results/, results),
    );

  beforeAll(() => {
    expect(podOf(suite).workingDir).toBe('/work');
    const mounts = podOf(suite).volumeMounts as Doc[];
    expect(mounts.find((m) => m.name === 'scenarios')?.mountPath).toBe('/work/scenarios');
    expect(mounts.find((m) => m.name === 'results')?.mountPath).toBe('/results');
    const data: Record<string, string> = { ...find('ConfigMap', 'faultline-scenarios').data };
    // One scenario that cannot pass, so the exit codes have a failure to carry through the merge.
    data['impossible-baseline.yaml'] = (data['healthy-baseline.yaml'] as string)
      .replace('name: healthy-baseline', 'name: impossible-baseline')
      .replace('{ metric: latency.p99, op: "<", value: 1000 }', '{ metric: latency.p99, op: "<", value: 1 }');
    const mount = join(cwd, 'scenarios');
    mkdirSync(join(mount, '..2026_12_01_data'), { recursive: true });
    symlinkSync('..2026_12_01_data', join(mount, '..data'));
    for (const [key, text] of Object.entries(data)) {
      writeFileSync(join(mount, '..2026_12_01_data', key), text);
      symlinkSync(join('..data', key), join(mount, key));
    }
  });

  it('N pods with JOB_COMPLETION_INDEX=0..N-1, then the merge: the same JSON, JUnit and exit code as one run', async () => {
    const count = suite.spec.completions as number;
    const envOf = (index: number) => {
      const env: Record<string, string> = { JOB_COMPLETION_INDEX: String(index) };
      for (const e of podOf(suite).env as Doc[]) if (e.value !== undefined) env[e.name] = e.value;
      return env;
    };
    const pods = await inBatches(
      Array.from({ length: count }, (_, index) => () => {
        const env = envOf(index);
        return runCli(localArgs(podOf(suite).args, env), { cwd, env });
      }),
      2,
    );
    // --defer-verdict: a pod whose hypotheses failed still completes its index.
    for (const pod of pods) expect(pod.code, pod.stderr).toBe(0);
    expect(readdirSync(results).sort()).toEqual(Array.from({ length: count }, (_, i) => `shard-${i}`));

    const merged = await runCli(localArgs(podOf(merge).args, {}), { cwd });
    const single = await runCli(
      ['run', 'scenarios/', '--reporter', 'json', '--reporter', 'junit', '--out-dir', 'single'],
      { cwd },
    );
    expect(single.code).toBe(1);
    expect(merged.code, merged.stderr).toBe(single.code);
    const mergedDir = join(results, 'merged');
    expect(resultsWithoutEnvironment(mergedDir)).toEqual(resultsWithoutEnvironment(join(cwd, 'single')));
    expect(Object.keys(resultsWithoutEnvironment(mergedDir))).toHaveLength(5);
    expect(junitWithoutTimes(mergedDir)).toBe(junitWithoutTimes(join(cwd, 'single')));
    expect(readdirSync(mergedDir)).toContain('report.html');
  }, 120_000);
});
