import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

/**
 * `faultline bench --compare` against a deliberately slowed build: the hidden --inject-delay-us option
 * busy-waits 300 µs in every call of faultline's own code under test (the cache hit path costs about
 * 1 µs), so the slowed figures are hundreds of times worse, far beyond any machine's noise.
 */
describe('faultline bench --compare', () => {
  const printed: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    printed.length = 0;
  });
  const capture = () =>
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });

  it('exits 1 and names the regressions when the build is slowed, and 0 when compared with itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-compare-'));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    capture();
    const common = ['bench', '--quick', '--suite', 'cache-hit'];
    expect(await main([...common, '--out-dir', dir])).toBe(0);
    const [baselineName] = readdirSync(dir).filter((name) => name.endsWith('.json'));
    const baseline = join(dir, baselineName ?? '');

    printed.length = 0;
    const slowed = await main([...common, '--no-write', '--inject-delay-us', '300', '--compare', baseline]);
    const output = printed.join('');
    expect(slowed).toBe(1);
    expect(output).toMatch(/faultline cache hit \(fresh request\) › per call .* REGRESSION/);
    expect(output).toMatch(/faultline cacheKey \(fresh request\) › per call .* REGRESSION/);
    expect(output).toContain('Deliberately slowed');

    printed.length = 0;
    expect(await main(['bench', '--compare', baseline, '--current', baseline])).toBe(0);
    expect(printed.join('')).toContain('No regression beyond the noise threshold');
  }, 60_000);

  it('refuses --current without --compare, and a file that is not a bench report, with exit 2', async () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    capture();
    expect(await main(['bench', '--current', 'x.json'])).toBe(2);
    expect(await main(['bench', '--compare', 'package.json', '--current', 'package.json'])).toBe(2);
    expect(errors.join('')).toContain('package.json is not a faultline bench report');
  });
});
