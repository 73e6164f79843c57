import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../../src/report/reporters/console/progress-line.ts';

function line(wallMs: { now: number }) {
  const written: string[] = [];
  const progress = new ProgressLine(
    { write: (t) => void written.push(t), isTTY: true, columns: 120 },
    'storm',
    () => wallMs.now,
  );
  return { progress, written };
}

describe('progress line', () => {
  it('stays silent for runs that end within a second', () => {
    const wall = { now: 900 };
    const { progress, written } = line(wall);
    progress.update(30_000, 60_000);
    progress.clear();
    expect(written).toEqual([]);
  });

  it('draws a bar with percent done, an ETA from real time, and simulated time', () => {
    const wall = { now: 2000 };
    const { progress, written } = line(wall);
    // A quarter of the simulated hour took 2 s of real time: 6 s to go.
    progress.update(15 * 60_000, 60 * 60_000);
    expect(written).toHaveLength(1);
    const text = written[0] ?? '';
    expect(text.startsWith('\r')).toBe(true);
    expect(text).toContain('storm ██████░░░░░░░░░░░░░░░░░░ 25%');
    expect(text).toContain('ETA 6s');
    expect(text).toContain('15m simulated of 1h');
    expect(text.endsWith('\x1b[K')).toBe(true);
  });

  it('redraws at most every 100 ms and clears itself for the result line', () => {
    const wall = { now: 2000 };
    const { progress, written } = line(wall);
    progress.update(1000, 10_000);
    wall.now = 2050;
    progress.update(2000, 10_000);
    wall.now = 2150;
    progress.update(3000, 10_000);
    expect(written).toHaveLength(2);
    progress.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
