import { latencyMedian } from '../faults/latency.ts';
import type { Fault, Phase } from '../faults/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { describeLatency, goDuration } from './duration.ts';
import { dnsName } from './istio.ts';
import { workflowSchema } from './schemas.ts';
import type { Exported, ExportTarget } from './types.ts';
import { routesOf, Warnings } from './warnings.ts';

/** A phase without an end runs this long in the workflow (Chaos Mesh needs every step to end). */
const OPEN_PHASE_MS = 60_000;

/**
 * A Chaos Mesh Workflow: the phases as serial steps, each a parallel group of HTTPChaos experiments (one
 * per fault and route) with the phase's length as deadline, or a Suspend step for a calm phase.
 */
export function exportChaosMesh(scenario: Scenario, target: ExportTarget): Exported {
  const warnings = new Warnings();
  const templates: Record<string, unknown>[] = [];
  const steps: string[] = [];
  let cursor = 0;
  for (const [p, phase] of scenario.phases.entries()) {
    if (phase.from > cursor) {
      const gap = dnsName(`gap-${p + 1}`);
      templates.push({ name: gap, templateType: 'Suspend', deadline: goDuration(phase.from - cursor) });
      steps.push(gap);
    }
    const lengthMs = (phase.to ?? phase.from + OPEN_PHASE_MS) - phase.from;
    if (phase.to === undefined)
      warnings.push(`phase "${phase.name}" has no end: the workflow step lasts ${goDuration(OPEN_PHASE_MS)}`);
    cursor = phase.from + lengthMs;
    const stepName = dnsName(`phase-${p + 1}-${phase.name}`);
    const experiments: string[] = [];
    for (const [f, fault] of phase.faults.entries()) {
      for (const [r, route] of (routesOf(fault) ?? [undefined]).entries()) {
        const spec = httpChaosFor(fault, phase, route, target, warnings);
        if (!spec) continue;
        const name = dnsName(`p${p + 1}-f${f + 1}${route ? `-r${r + 1}` : ''}-${fault.kind}`);
        templates.push({ name, templateType: 'HTTPChaos', deadline: goDuration(lengthMs), httpChaos: spec });
        experiments.push(name);
      }
    }
    templates.push(
      experiments.length > 0
        ? { name: stepName, templateType: 'Parallel', deadline: goDuration(lengthMs), children: experiments }
        : { name: stepName, templateType: 'Suspend', deadline: goDuration(lengthMs) },
    );
    steps.push(stepName);
  }
  if (steps.length === 0) {
    templates.push({ name: 'calm', templateType: 'Suspend', deadline: goDuration(OPEN_PHASE_MS) });
    steps.push('calm');
  }
  templates.unshift({ name: 'phases', templateType: 'Serial', children: steps });
  const workflow = workflowSchema.parse({
    apiVersion: 'chaos-mesh.org/v1alpha1',
    kind: 'Workflow',
    metadata: { name: dnsName(scenario.name), namespace: target.namespace },
    spec: { entry: 'phases', templates },
  });
  return { documents: [workflow], format: 'yaml', warnings: warnings.lines };
}

function httpChaosFor(
  fault: Fault,
  phase: Phase,
  route: string | undefined,
  target: ExportTarget,
  warnings: Warnings,
): Record<string, unknown> | undefined {
  const base = {
    mode: 'all',
    selector: { namespaces: [target.namespace], labelSelectors: { app: target.service } },
    port: target.port,
    ...(route ? { path: route } : {}),
  };
  const everyRequest = () => {
    if (fault.rate < 1)
      warnings.add(
        phase.name,
        fault,
        `HTTPChaos has no per-request probability: ${fault.rate * 100}% becomes every request`,
      );
  };
  const drop = (why: string) => {
    warnings.add(phase.name, fault, `dropped: ${why}`);
    return undefined;
  };
  switch (fault.kind) {
    case 'latency':
      everyRequest();
      if (fault.distribution.type !== 'fixed') {
        warnings.add(
          phase.name,
          fault,
          `${describeLatency(fault.distribution)} becomes a fixed ${goDuration(latencyMedian(fault.distribution))} (its median)`,
        );
      }
      return { ...base, target: 'Request', delay: goDuration(latencyMedian(fault.distribution)) };
    case 'error':
      everyRequest();
      return {
        ...base,
        target: 'Response',
        replace: {
          code: fault.status,
          ...(fault.retryAfter === undefined
            ? {}
            : { headers: { 'Retry-After': String(Math.ceil(fault.retryAfter / 1000)) } }),
        },
      };
    case 'network':
      everyRequest();
      if (fault.error !== 'reset')
        warnings.add(phase.name, fault, `${fault.error} becomes an aborted connection`);
      return { ...base, target: 'Request', abort: true };
    case 'timeout':
      everyRequest();
      return { ...base, target: 'Response', delay: goDuration(fault.after), replace: { code: 504 } };
    case 'malformed':
      everyRequest();
      if (fault.mode === 'truncated') return drop('HTTPChaos cannot cut a body in half');
      return {
        ...base,
        target: 'Response',
        replace: { body: Buffer.from(fault.mode === 'garbage' ? '<html>not json' : '').toString('base64') },
      };
    case 'fail-first':
      return drop(`HTTPChaos cannot fail only the first ${fault.count} calls`);
    case 'flapping':
      return drop('alternating up and down needs a step per period; split the phase');
    case 'degradation':
      return drop('HTTPChaos cannot ramp a rate or delay across a phase');
    case 'rate-limit':
      return drop('HTTPChaos cannot answer 429 beyond a call budget');
  }
}
