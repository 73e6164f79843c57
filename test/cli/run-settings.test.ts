import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, parseReporterFlag, resolveRunSettings } from '../../src/cli/run-settings.ts';

const cwd = '/work/project';

describe('run settings', () => {
  it('uses defaults without flags or config', () => {
    const s = resolveRunSettings({}, { baseDir: cwd }, cwd);
    expect(s.outDir).toBe(resolve(cwd, DEFAULT_OUT_DIR));
    expect(s.reporters).toEqual(['console', 'json']);
    expect(s.bail).toBe(false);
    expect(s.seed).toBeUndefined();
  });

  it('lets flags win over the config, and resolves config paths from the config folder', () => {
    const config = {
      baseDir: '/work/project/ci',
      outDir: 'out',
      seed: 1,
      durationMs: 5000,
      bail: true,
      reporters: ['junit'],
    };
    const fromConfig = resolveRunSettings({}, config, cwd);
    expect(fromConfig).toMatchObject({
      outDir: '/work/project/ci/out',
      seed: 1,
      durationMs: 5000,
      bail: true,
      reporters: ['junit'],
    });
    const flags = resolveRunSettings(
      { outDir: 'x', seed: 2, duration: '2m', bail: false, reporter: ['html'] },
      config,
      cwd,
    );
    expect(flags).toMatchObject({
      outDir: '/work/project/x',
      seed: 2,
      durationMs: 120_000,
      bail: false,
      reporters: ['html'],
    });
  });

  it('reads name:output reporter flags', () => {
    expect(parseReporterFlag('junit')).toBe('junit');
    expect(parseReporterFlag('junit:reports/junit.xml')).toEqual(['junit', { output: 'reports/junit.xml' }]);
    expect(() => parseReporterFlag('junit:')).toThrow(/names no output file/);
  });

  it('refuses a duration that is not one, and a bad shard', () => {
    expect(() => resolveRunSettings({ duration: 'soon' }, { baseDir: cwd }, cwd)).toThrow(
      /--duration soon is not a duration/,
    );
    expect(() => resolveRunSettings({ shard: '3/2' }, { baseDir: cwd }, cwd)).toThrow(/--shard 3\/2/);
  });
});
