/**
 * Start-up cost of the built CLI, as a user's `npx faultline …` pays it: CPU seconds (user + system) and
 * wall time of `faultline --version` and `faultline validate scenarios/`, against `node -e 0` (Node
 * alone) and `vitest --version` (a comparable tool) measured in the same run, interleaved.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import { PACKAGE_ROOT } from '../../src/util/package-root.ts';
import { median } from '../lib/median.ts';
import { ratioRow } from '../lib/rows.ts';
import type { Row, Suite, Table, TargetCheck } from '../lib/types.ts';

const run = promisify(execFile);
const BIN = join(PACKAGE_ROOT, 'dist/src/cli/bin.js');
const VITEST = join(dirname(fileURLToPath(import.meta.resolve('vitest/package.json'))), 'vitest.mjs');
/** From the issue: `faultline --version` costs at most this many times `vitest --version`. */
const TARGET_RATIO = 3;

interface Command {
  readonly name: string;
  readonly args: readonly string[];
}

const COMMANDS: readonly Command[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'vitest --version', args: [VITEST, '--version'] },
  { name: 'faultline --version', args: [BIN, '--version'] },
  { name: 'faultline validate scenarios/', args: [BIN, 'validate', 'scenarios/'] },
];

/**
 * One run of `node …`: Node cannot read a child's CPU time, bash's `time` keyword can. Fails unless the
 * command exits 0, so a broken build is never timed as a fast one.
 */
async function measureOnce(command: Command): Promise<{ cpuSeconds: number; wallMs: number }> {
  const script = `TIMEFORMAT='%3R %3U %3S'; { time "$@" >/dev/null 2>&1; } 2>&1; echo "exit $?"`;
  const { stdout } = await run('bash', ['-c', script, 'bash', process.execPath, ...command.args], {
    cwd: PACKAGE_ROOT,
  });
  const [times = '', status = ''] = stdout.trim().split('\n').slice(-2);
  if (status !== 'exit 0') throw new Error(`start-up bench: \`${command.name}\` failed (${status})`);
  const [real, user, system] = times.split(' ').map(Number) as [number, number, number];
  return { cpuSeconds: user + system, wallMs: real * 1000 };
}

export const startUpSuite: Suite = {
  title: 'CLI start-up',
  async run(ctx) {
    if (!existsSync(BIN)) {
      throw new FaultlineError(
        'BENCH_USAGE',
        `The start-up suite times the built CLI: run npm run build first (${BIN} is missing).`,
      );
    }
    const rounds = ctx.quick ? 1 : 15;
    const samples = new Map(
      COMMANDS.map((command) => [command.name, { cpu: [] as number[], wall: [] as number[] }]),
    );
    for (let round = 0; round < rounds; round++) {
      // Interleaved, so a busy moment of the machine falls on every command alike.
      for (const command of COMMANDS) {
        const { cpuSeconds, wallMs } = await measureOnce(command);
        const sample = samples.get(command.name);
        sample?.cpu.push(cpuSeconds);
        sample?.wall.push(wallMs);
      }
    }
    ctx.log(`start-up: ${COMMANDS.length} commands × ${rounds} runs`);
    const rows: Row[] = COMMANDS.map((command) => {
      const sample = samples.get(command.name) ?? { cpu: [], wall: [] };
      return { name: command.name, values: { cpu: median(sample.cpu), wall: median(sample.wall) } };
    });
    const [, vitest, version] = rows as [Row, Row, Row, Row];
    const ratio = ratioRow('faultline --version ÷ vitest --version', version, vitest);
    const table: Table = {
      id: 'start-up',
      title: `Start-up of the built CLI, median of ${rounds} runs`,
      description:
        'CPU seconds (user + system, as bash `time` reports them) and wall time of one process, from the repository root.',
      columns: [
        { key: 'cpu', label: 'CPU', unit: 's', better: 'lower', chart: true },
        { key: 'wall', label: 'wall', unit: 'ms', better: 'lower' },
      ],
      rows: [...rows, ratio],
    };
    const measured = ratio.values.cpu ?? Number.POSITIVE_INFINITY;
    const targets: TargetCheck[] = [
      {
        name: 'faultline --version CPU vs vitest --version',
        target: `≤ ${TARGET_RATIO}×`,
        measured: `${measured.toFixed(2)}× (${version.values.cpu?.toFixed(3)} s vs ${vitest.values.cpu?.toFixed(3)} s)`,
        met: measured <= TARGET_RATIO,
      },
    ];
    return { tables: [table], targets };
  },
};
