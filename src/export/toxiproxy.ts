import { latencyMedian } from '../faults/latency.ts';
import type { Fault, Phase } from '../faults/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { describeLatency, goDuration } from './duration.ts';
import { toxiproxySchema } from './schemas.ts';
import type { Exported, ExportTarget } from './types.ts';
import { routesOf, Warnings } from './warnings.ts';

/** A toxic's type and attributes, before the schema checks the pair at the end of the export. */
interface ToxicBody {
  readonly type: string;
  readonly attributes: Readonly<Record<string, number>>;
}

/**
 * Toxiproxy works on TCP, below HTTP: it can delay, stall, reset and cut connections, never answer with a
 * status. One proxy, and per phase the toxics to POST to /proxies/{name}/toxics when the phase begins.
 */
export function exportToxiproxy(scenario: Scenario, target: ExportTarget): Exported {
  const warnings = new Warnings();
  const phases = scenario.phases.map((phase) => {
    const toxics: Record<string, unknown>[] = [];
    let enabled = true;
    for (const [i, fault] of phase.faults.entries()) {
      if (routesOf(fault))
        warnings.add(phase.name, fault, 'Toxiproxy cannot tell routes apart; applied to every request');
      const toxic = toxicFor(fault, phase, warnings);
      if (toxic === 'disable') enabled = false;
      else if (toxic)
        toxics.push({ name: `${fault.kind}-${i + 1}`, stream: 'downstream', toxicity: fault.rate, ...toxic });
    }
    return {
      name: phase.name,
      from: goDuration(phase.from),
      ...(phase.to === undefined ? {} : { to: goDuration(phase.to) }),
      enabled,
      toxics,
    };
  });
  const document = toxiproxySchema.parse({
    proxy: {
      name: target.service,
      listen: target.listen,
      upstream: `${target.service}:${target.port}`,
      enabled: true,
    },
    phases,
  });
  return { documents: [document], format: 'json', warnings: warnings.lines };
}

function toxicFor(fault: Fault, phase: Phase, warnings: Warnings): ToxicBody | 'disable' | undefined {
  const drop = (why: string) => {
    warnings.add(phase.name, fault, `dropped: ${why}`);
    return undefined;
  };
  switch (fault.kind) {
    case 'latency': {
      const dist = fault.distribution;
      if (dist.type === 'uniform') {
        return {
          type: 'latency',
          attributes: {
            latency: Math.round((dist.minMs + dist.maxMs) / 2),
            jitter: Math.round((dist.maxMs - dist.minMs) / 2),
          },
        };
      }
      const jitter = dist.type === 'normal' ? Math.round(dist.stdDevMs * Math.sqrt(3)) : 0;
      if (dist.type !== 'fixed') {
        warnings.add(
          phase.name,
          fault,
          `${describeLatency(dist)} approximated by ${Math.round(latencyMedian(dist))} ms ± ${jitter} ms uniform jitter${dist.type === 'pareto' || dist.type === 'lognormal' ? '; the tail is lost' : ''}`,
        );
      }
      return { type: 'latency', attributes: { latency: Math.round(latencyMedian(dist)), jitter } };
    }
    case 'error':
      return drop(
        `Toxiproxy cannot answer HTTP ${fault.status}${fault.retryAfter === undefined ? '' : ' or send Retry-After'}`,
      );
    case 'network':
      if (fault.error === 'reset') return { type: 'reset_peer', attributes: { timeout: 0 } };
      if (fault.error === 'hang') return { type: 'timeout', attributes: { timeout: 0 } };
      if (fault.rate < 1)
        return drop(
          `Toxiproxy refuses connections only by disabling the proxy, for every call, not ${fault.rate * 100}% of them`,
        );
      if (fault.error === 'dns')
        warnings.add(phase.name, fault, 'a DNS failure becomes a refused connection (the proxy disabled)');
      return 'disable';
    case 'timeout':
      warnings.add(phase.name, fault, 'the connection closes after the wait instead of a 504');
      return { type: 'timeout', attributes: { timeout: Math.round(fault.after) } };
    case 'malformed':
      if (fault.mode === 'truncated') {
        warnings.add(
          phase.name,
          fault,
          'a body cut in half becomes a connection closed after its first 512 bytes',
        );
        return { type: 'limit_data', attributes: { bytes: 512 } };
      }
      return drop(`Toxiproxy cannot rewrite a body (${fault.mode})`);
    case 'fail-first':
      return drop(`Toxiproxy cannot fail only the first ${fault.count} calls`);
    case 'flapping':
      return drop('Toxiproxy has no timeline to alternate up and down; split the phase and toggle the proxy');
    case 'degradation':
      return drop('Toxiproxy cannot ramp a rate or a delay across a phase');
    case 'rate-limit':
      return drop('Toxiproxy cannot answer 429 beyond a call budget (bandwidth limits bytes, not calls)');
  }
}
