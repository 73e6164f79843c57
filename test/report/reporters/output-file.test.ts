import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOutputPath } from '../../../src/report/reporters/output-file.ts';

describe('resolveOutputPath', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'faultline-out-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'faultline-elsewhere-'));
  symlinkSync(elsewhere, join(outDir, 'link'));
  mkdirSync(join(outDir, 'reports'));
  symlinkSync(join(outDir, 'reports'), join(outDir, 'inside-link'));

  it('accepts paths inside the folder, new folders and links that stay inside', () => {
    expect(resolveOutputPath(outDir, 'junit.xml')).toBe(join(outDir, 'junit.xml'));
    expect(resolveOutputPath(outDir, 'new/deeper/x.xml')).toBe(join(outDir, 'new/deeper/x.xml'));
    expect(resolveOutputPath(outDir, 'inside-link/x.xml')).toBe(join(outDir, 'inside-link/x.xml'));
  });

  it('refuses a symlink inside the folder that points outside it', () => {
    expect(() => resolveOutputPath(outDir, 'link/x.xml')).toThrow(/outside the output folder/);
    expect(() => resolveOutputPath(outDir, 'link/new/x.xml')).toThrow(/outside the output folder/);
  });

  it('refuses ../ and absolute paths elsewhere', () => {
    expect(() => resolveOutputPath(outDir, '../x.xml')).toThrow(/outside the output folder/);
    expect(() => resolveOutputPath(outDir, join(elsewhere, 'x.xml'))).toThrow(/outside the output folder/);
  });
});
