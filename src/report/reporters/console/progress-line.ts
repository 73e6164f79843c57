import cliProgress from 'cli-progress';
import { startStopwatch } from '../../../clock/stopwatch.ts';
import { humanDuration } from '../format.ts';
import type { TextSink } from '../types.ts';

const BAR_WIDTH = 24;
const BAR_OPTIONS = {
  barsize: BAR_WIDTH,
  barCompleteString: '█'.repeat(BAR_WIDTH + 1),
  barIncompleteString: '░'.repeat(BAR_WIDTH + 1),
  barGlue: '',
  autopaddingChar: '',
};
/** A bar for runs that finish within a second would only flicker. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

/**
 * One terminal line showing a scenario's progress, ETA and how far simulated time has come. Drawn with
 * cli-progress's bar and time formatters but timed by a stopwatch, because during a simulation the
 * virtual clock has replaced `Date` and the timers cli-progress's own bars schedule with.
 */
export class ProgressLine {
  private lastDrawMs = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly sink: TextSink,
    private readonly label: string,
    /** Real milliseconds since the scenario started. */
    private readonly elapsed: () => number = startStopwatch(),
  ) {}

  update(doneMs: number, totalMs: number): void {
    const now = this.elapsed();
    if (now < SHOW_AFTER_MS || now - this.lastDrawMs < REDRAW_EVERY_MS) return;
    this.lastDrawMs = now;
    this.drawn = true;
    this.sink.write(`\r${this.render(doneMs, totalMs, now)}\x1b[K`);
  }

  /** Removes the line so the scenario's result line takes its place. */
  clear(): void {
    if (this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }

  private render(doneMs: number, totalMs: number, wallMs: number): string {
    const simulated = `${humanDuration(doneMs)} simulated`;
    if (!Number.isFinite(totalMs) || totalMs <= 0) return `  ${this.label}  ${simulated}`;
    const progress = Math.min(1, doneMs / totalMs);
    const bar = cliProgress.Format.BarFormat(progress, BAR_OPTIONS);
    const eta = progress > 0 ? formatTime(((1 - progress) / progress) * (wallMs / 1000)) : '?';
    const line = `  ${this.label} ${bar} ${Math.floor(progress * 100)}%  ETA ${eta}  ${simulated} of ${humanDuration(totalMs)}`;
    // Never wider than the terminal, or each redraw would wrap onto a new line (0 columns: unknown).
    const columns = this.sink.columns !== undefined && this.sink.columns > 20 ? this.sink.columns : 120;
    return line.slice(0, columns - 1);
  }
}

const formatTime = (seconds: number) => cliProgress.Format.TimeFormat(Math.round(seconds), BAR_OPTIONS, 1);
