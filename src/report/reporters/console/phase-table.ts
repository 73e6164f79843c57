import Table from 'cli-table3';
import type { RunResult, WindowFigures } from '../../result.ts';
import { displayText, humanDuration, millis, percent } from '../format.ts';

/** The whole run and each fault phase side by side: where availability, latency and cost moved. */
export function phaseTable(result: RunResult, color: boolean): string {
  const table = new Table({
    head: ['window', 'requests', 'availability', 'fell back', 'p50', 'p99', 'calls/req', 'breaker open'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  const row = (label: string, w: WindowFigures) => [
    label,
    String(w.requests.total),
    percent(w.availability),
    String(w.requests.fellBack),
    millis(w.latency.p50),
    millis(w.latency.p99),
    w.backend.callsPerRequest.toFixed(2),
    percent(w.breaker.openRatio, 1),
  ];
  table.push(row('whole run', result));
  for (const phase of result.phases) {
    table.push(
      row(`${displayText(phase.name)} (${humanDuration(phase.fromMs)}–${humanDuration(phase.toMs)})`, phase),
    );
  }
  return table.toString();
}
