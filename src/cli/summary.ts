import pc from 'picocolors';
import type { RunResult } from '../report/result.ts';

const pct = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)}ms`;

/** A few lines a person reads first: verdict, outcomes, latency, cost, and each failed hypothesis. */
export function formatSummary(result: RunResult): string {
  const { requests: r, latency: l } = result;
  const verdict = !result.complete
    ? pc.yellow('INCOMPLETE')
    : result.verdict === 'pass'
      ? pc.green('PASS')
      : pc.red('FAIL');
  const lines = [
    `${verdict} ${result.scenario.name}  seed ${result.seed}  ${(result.durationMs / 1000).toFixed(1)}s ${result.mode}`,
    `  requests ${r.total}: ${r.succeeded} ok, ${r.fellBack} fell back, ${r.failed} failed  (availability ${pct(result.availability)})`,
    `  latency p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  p99 ${ms(l.p99)}  max ${ms(l.max)}`,
    `  backend calls ${result.backend.calls} (${result.backend.callsPerRequest.toFixed(2)}/request)  cache hit ratio ${pct(result.cache.hitRatio)}  breaker open ${(result.breaker.openTimeMs / 1000).toFixed(1)}s`,
  ];
  const codes = Object.entries(r.failuresByCode);
  if (codes.length > 0) lines.push(`  failures: ${codes.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  for (const h of result.hypotheses) {
    const mark = h.pass ? pc.green('✓') : pc.red('✗');
    lines.push(`  ${mark} ${h.name}  (actual ${formatActual(h.metric, h.actual)})`);
  }
  return lines.join('\n');
}

function formatActual(metric: string, value: number): string {
  if (metric.startsWith('latency.') || metric === 'breaker.openTime') return ms(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
