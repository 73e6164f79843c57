import { latencyMedian } from '../faults/latency.ts';
import type { Fault, Phase } from '../faults/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { describeLatency, goDuration } from './duration.ts';
import { virtualServiceSchema } from './schemas.ts';
import type { Exported, ExportTarget } from './types.ts';
import { routesOf, Warnings } from './warnings.ts';

interface RouteFault {
  delay?: { fixedDelay: string; percentage: { value: number } };
  abort?: { httpStatus: number; percentage: { value: number } };
}

/**
 * One VirtualService per phase that has faults (Istio has no timeline: apply each at its phase's start,
 * as the annotations say). Each route gets at most one fixed delay and one abort, as HTTPFaultInjection
 * allows; routes named by faults get their own `http` entry before the catch-all.
 */
export function exportIstio(scenario: Scenario, target: ExportTarget): Exported {
  const warnings = new Warnings();
  const documents = scenario.phases
    .filter((phase) => phase.faults.length > 0)
    .map((phase) => {
      const byRoute = new Map<string, RouteFault>();
      for (const fault of phase.faults) {
        for (const route of routesOf(fault) ?? ['*']) {
          const entry = byRoute.get(route) ?? {};
          byRoute.set(route, entry);
          addFault(entry, fault, phase, warnings);
        }
      }
      const destination = [{ destination: { host: target.service } }];
      const http = [...byRoute]
        .filter(([, fault]) => fault.delay || fault.abort)
        .sort(([a], [b]) => (a === '*' ? 1 : b === '*' ? -1 : a < b ? -1 : 1))
        .map(([route, fault]) => ({
          ...(route === '*' ? {} : { name: route, match: [{ uri: { exact: route } }] }),
          fault,
          route: destination,
        }));
      // Requests no fault names still need a route: a catch-all last, unless the catch-all carries a fault.
      const last = http.at(-1);
      if (!last || last.match) http.push({ route: destination } as (typeof http)[number]);
      return virtualServiceSchema.parse({
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: {
          name: dnsName(`${scenario.name}-${phase.name}`),
          namespace: target.namespace,
          annotations: {
            'faultline.dev/scenario': scenario.name,
            'faultline.dev/phase': `${phase.name} from ${goDuration(phase.from)}${phase.to === undefined ? '' : ` to ${goDuration(phase.to)}`}`,
          },
        },
        spec: { hosts: [target.service], http },
      });
    });
  return { documents, format: 'yaml', warnings: warnings.lines };
}

function addFault(entry: RouteFault, fault: Fault, phase: Phase, warnings: Warnings): void {
  const percentage = { value: round(fault.rate * 100) };
  const delay = (ms: number) => {
    if (entry.delay) warnings.add(phase.name, fault, 'Istio has one delay per route; this one is dropped');
    else entry.delay = { fixedDelay: goDuration(ms), percentage };
  };
  const abort = (status: number) => {
    if (entry.abort) warnings.add(phase.name, fault, 'Istio has one abort per route; this one is dropped');
    else entry.abort = { httpStatus: status, percentage };
  };
  switch (fault.kind) {
    case 'latency':
      if (fault.distribution.type !== 'fixed') {
        warnings.add(
          phase.name,
          fault,
          `${describeLatency(fault.distribution)} becomes a fixed ${goDuration(latencyMedian(fault.distribution))} (its median)`,
        );
      }
      delay(latencyMedian(fault.distribution));
      return;
    case 'error':
      if (fault.retryAfter !== undefined)
        warnings.add(phase.name, fault, 'Istio aborts send no Retry-After header');
      abort(fault.status);
      return;
    case 'network':
      warnings.add(
        phase.name,
        fault,
        `Istio cannot ${fault.error === 'hang' ? 'hang a connection' : `fail with ${fault.error}`}; approximated by a 503 abort`,
      );
      abort(503);
      return;
    case 'timeout':
      warnings.add(
        phase.name,
        fault,
        'the wait before the 504 is dropped (Istio delays and aborts hit requests independently)',
      );
      abort(504);
      return;
    case 'malformed':
      warnings.add(phase.name, fault, `dropped: Istio cannot rewrite a body (${fault.mode})`);
      return;
    case 'fail-first':
      warnings.add(phase.name, fault, `dropped: Istio cannot fail only the first ${fault.count} calls`);
      return;
    case 'flapping':
      warnings.add(phase.name, fault, 'dropped: Istio has no timeline to alternate up and down');
      return;
    case 'degradation':
      warnings.add(phase.name, fault, 'dropped: Istio cannot ramp a rate or delay across a phase');
      return;
    case 'rate-limit':
      warnings.add(
        phase.name,
        fault,
        'dropped: a VirtualService has no rate limit (Envoy local rate limiting needs an EnvoyFilter)',
      );
      return;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Kubernetes names: lower case, digits and dashes, at most 63 characters. */
export function dnsName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name || 'faultline';
}
