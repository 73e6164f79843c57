import type { RunResult } from '../result.ts';

/** One scenario as the run plans it, known before it starts (the seed is printed from here). */
export interface ScenarioPlan {
  /** The scenario file as the user would type it (relative to the working directory). */
  readonly file: string;
  readonly name: string;
  readonly seed: number;
  /** Position in this run, from 0, and how many scenarios the run holds. */
  readonly index: number;
  readonly count: number;
}

export interface ScenarioOutcome {
  readonly plan: ScenarioPlan;
  readonly result: RunResult;
  /** Real time the scenario took (not the simulated duration). */
  readonly wallMs: number;
}

export interface RunStart {
  readonly plans: readonly ScenarioPlan[];
  /** Set when --shard split the scenarios: this job runs shard `index` of `count` (from 1). */
  readonly shard?: { readonly index: number; readonly count: number };
}

export interface RunSummary {
  readonly outcomes: readonly ScenarioOutcome[];
  /** Scenarios that never ran: stopped by --bail or by an interruption. */
  readonly notRun: readonly ScenarioPlan[];
  readonly interrupted: boolean;
  readonly wallMs: number;
}

/**
 * A reporter: every hook optional, all fed from the same results. Hooks may be async; the run waits for
 * them, so a file is written before the next scenario starts (and before an interrupted run exits).
 */
export interface Reporter {
  onRunStart?(run: RunStart): void | Promise<void>;
  onScenarioStart?(plan: ScenarioPlan): void | Promise<void>;
  /** Time passing inside a scenario (virtual time when simulated); called often, must be cheap. */
  onScenarioProgress?(plan: ScenarioPlan, elapsedMs: number, totalMs: number): void;
  onScenarioEnd?(outcome: ScenarioOutcome): void | Promise<void>;
  onRunEnd?(summary: RunSummary): void | Promise<void>;
}

/** Where a reporter may write text: the terminal or a test double. */
export interface TextSink {
  write(text: string): void;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** What every reporter factory gets besides its own options. */
export interface ReporterContext {
  /** Absolute output folder; reporters' files must stay inside it. */
  readonly outDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: TextSink;
  /** --quiet: print only what failed and the total. */
  readonly quiet: boolean;
}

/** Options every file-writing reporter accepts: its output path, relative to the output folder. */
export interface FileReporterOptions {
  readonly output?: string;
}
