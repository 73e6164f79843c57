import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

const DEFINE_CONFIG = resolve(import.meta.dirname, '../../src/config/define-config.ts');
const folder = () => mkdtempSync(join(tmpdir(), 'faultline-config-'));

describe('loadConfig', () => {
  it('is empty when the folder has no config', async () => {
    const dir = folder();
    expect(await loadConfig(dir)).toEqual({ baseDir: dir });
  });

  it('finds faultline.config.ts (even without "type": "module") and reads defineConfig', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'faultline.config.ts'),
      `import { defineConfig } from ${JSON.stringify(DEFINE_CONFIG)};
export default defineConfig({ scenarios: ['chaos'], outDir: 'out', reporters: ['console', ['junit', { output: 'j.xml' }]], duration: '2m', bail: true });
`,
    );
    const config = await loadConfig(dir);
    expect(config).toMatchObject({
      file: join(dir, 'faultline.config.ts'),
      baseDir: dir,
      scenarios: ['chaos'],
      outDir: 'out',
      reporters: ['console', ['junit', { output: 'j.xml' }]],
      durationMs: 120_000,
      bail: true,
    });
  });

  it('reads faultline.config.json and an explicit --config path', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'faultline.config.json'), '{ "seed": 7 }');
    writeFileSync(join(dir, 'ci.json'), '{ "seed": 8 }');
    expect((await loadConfig(dir)).seed).toBe(7);
    expect((await loadConfig(dir, 'ci.json')).seed).toBe(8);
  });

  it('refuses unknown keys, bad values, broken JSON and a missing explicit file with one clear line', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.json'), '{ "outdir": "x" }');
    writeFileSync(join(dir, 'b.json'), '{ "seed": 1.5 }');
    writeFileSync(join(dir, 'c.json'), '{ "seed": ');
    await expect(loadConfig(dir, 'a.json')).rejects.toThrow(
      /a\.json at \(root\): unknown key "outdir"; allowed: scenarios, outDir/,
    );
    await expect(loadConfig(dir, 'b.json')).rejects.toThrow(/b\.json at seed: .*fix the config file/);
    await expect(loadConfig(dir, 'c.json')).rejects.toThrow(/c\.json: .*fix the JSON/);
    await expect(loadConfig(dir, 'missing.ts')).rejects.toThrow(/missing\.ts does not exist/);
  });
});
