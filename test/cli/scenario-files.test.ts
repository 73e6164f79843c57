import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../../src/cli/scenario-files.ts';

function tree(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'faultline-files-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

describe('findScenarioFiles', () => {
  const root = tree([
    'scenarios/b.yaml',
    'scenarios/a.yml',
    'scenarios/nested/c.json',
    'scenarios/d.ts',
    'scenarios/d.test.ts',
    'scenarios/types.d.ts',
    'scenarios/scenario.schema.json',
    'scenarios/notes.md',
    'other/z.yaml',
  ]);

  it('expands a folder to its scenario files, sorted, skipping tests, typings, schemas and other files', async () => {
    expect(await findScenarioFiles(['scenarios'], root)).toEqual([
      'scenarios/a.yml',
      'scenarios/b.yaml',
      'scenarios/d.ts',
      'scenarios/nested/c.json',
    ]);
  });

  it('expands globs, merges arguments and removes duplicates', async () => {
    expect(await findScenarioFiles(['other/*.yaml', 'scenarios/b.yaml', 'scenarios/*.yaml'], root)).toEqual([
      'other/z.yaml',
      'scenarios/b.yaml',
    ]);
  });

  it('keeps a plain path that does not exist, so loading can say "file not found"', async () => {
    expect(await findScenarioFiles(['scenarios/missing.yaml'], root)).toEqual(['scenarios/missing.yaml']);
  });

  it('fails with a usage error when a glob or folder matches nothing', async () => {
    await expect(findScenarioFiles(['nothing/*.yaml'], root)).rejects.toThrow(
      /No scenario files match "nothing\/\*\.yaml"/,
    );
    mkdirSync(join(root, 'empty'));
    await expect(findScenarioFiles(['empty'], root)).rejects.toThrow(/No scenario files match "empty"/);
  });

  it('resolves config globs from the config folder but shows paths from the working folder', async () => {
    expect(await findScenarioFiles(['*.yaml'], root, join(root, 'other'))).toEqual(['other/z.yaml']);
  });
});
