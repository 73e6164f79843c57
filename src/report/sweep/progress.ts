import cliProgress from 'cli-progress';
import { startStopwatch } from '../../clock/stopwatch.ts';

const BAR = {
  barsize: 24,
  barCompleteString: '█'.repeat(25),
  barIncompleteString: '░'.repeat(25),
  barGlue: '',
  autopaddingChar: '',
};
const REDRAW_EVERY_MS = 100;

/**
 * The sweep's progress on a terminal: runs done of all, and the ETA from the pace so far. Formatted with
 * cli-progress but timed by a stopwatch: the virtual clock replaces Date while a run simulates.
 */
export class SweepProgress {
  private lastDrawMs = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly elapsed = startStopwatch();

  constructor(private readonly sink: { write(text: string): unknown; columns?: number }) {}

  update(done: number, total: number): void {
    const now = this.elapsed();
    if (done < total && now - this.lastDrawMs < REDRAW_EVERY_MS) return;
    this.lastDrawMs = now;
    this.drawn = true;
    const progress = total > 0 ? done / total : 1;
    const eta = done > 0 ? Math.round(((total - done) * now) / done / 1000) : 0;
    const line = `  sweep ${cliProgress.Format.BarFormat(progress, BAR)} ${done}/${total} runs  ETA ${cliProgress.Format.TimeFormat(eta, BAR, 1)}`;
    const columns = this.sink.columns && this.sink.columns > 20 ? this.sink.columns : 120;
    this.sink.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
  }

  clear(): void {
    if (this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }
}
