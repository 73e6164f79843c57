import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRunSettings } from '../../src/cli/run-settings.ts';
import { parseWorkersFlag } from '../../src/cli/workers-flag.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { FaultlineError, isFaultlineError, ScenarioError } from '../../src/errors/faultline-error.ts';
import { carryError, rebuildError } from '../../src/work/unit-messages.ts';
import { defaultWorkers, MAX_WORKERS } from '../../src/work/workers.ts';

const usageMessage = (text: string) => {
  try {
    parseWorkersFlag(text);
  } catch (error) {
    return isFaultlineError(error) ? `${error.code}: ${error.message}` : String(error);
  }
  return 'accepted';
};

describe('--workers', () => {
  it('takes a whole number from 1 to MAX_WORKERS and refuses the rest with one line naming the range', () => {
    expect(parseWorkersFlag('1')).toBe(1);
    expect(parseWorkersFlag(String(MAX_WORKERS))).toBe(64);
    for (const bad of ['0', '65', '-2', '1.5', 'abc', '1e3', '']) {
      expect(usageMessage(bad)).toMatch(
        /^USAGE: --workers .* is out of range; use a whole number from 1 to 64 \(MAX_WORKERS\)/,
      );
    }
  });

  it('defaults to the cores available, is set by the config file, and the flag wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-workers-'));
    expect(defaultWorkers()).toBe(Math.min(availableParallelism(), MAX_WORKERS));
    const none = resolveRunSettings({}, { baseDir: dir }, dir);
    expect([none.workers, none.workersExplicit]).toEqual([defaultWorkers(), false]);
    writeFileSync(join(dir, 'faultline.config.json'), JSON.stringify({ workers: 3 }));
    const config = await loadConfig(dir);
    expect(resolveRunSettings({}, config, dir)).toMatchObject({ workers: 3, workersExplicit: true });
    expect(resolveRunSettings({ workers: 1 }, config, dir).workers).toBe(1);
  });

  it('refuses an out-of-range workers in the config file with the file, the field and the bound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-workers-'));
    const file = join(dir, 'faultline.config.json');
    writeFileSync(file, JSON.stringify({ workers: 500 }));
    await expect(loadConfig(dir)).rejects.toThrow(
      `${file} at workers: must be at most 64 (MAX_WORKERS); fix the config file.`,
    );
    writeFileSync(file, JSON.stringify({ workers: 0 }));
    await expect(loadConfig(dir)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('errors across threads', () => {
  it('carry code, message and exit code, and come back branded', () => {
    const thrown = new ScenarioError('SCENARIO_CHANGED', 'a.yaml', 'changed while the run was under way');
    const carried = structuredClone(carryError(thrown));
    const back = rebuildError(carried);
    expect(isFaultlineError(back)).toBe(true);
    expect(back).toMatchObject({ code: 'SCENARIO_CHANGED', message: thrown.message, exitCode: 2 });
    expect(rebuildError(carryError(new FaultlineError('USAGE', 'x', 3)))).toMatchObject({ exitCode: 3 });
  });

  it('keep a plain error plain (a bug stays a bug, with its stack), and an unknown code is not trusted', () => {
    const bug = new TypeError('boom');
    const back = rebuildError(structuredClone(carryError(bug)));
    expect(isFaultlineError(back)).toBe(false);
    expect([back.name, back.message, back.stack]).toEqual(['TypeError', 'boom', bug.stack]);
    const forged = rebuildError({ kind: 'faultline', code: 'NOT_A_CODE', message: 'm', exitCode: 2 });
    expect(isFaultlineError(forged)).toBe(false);
  });
});
