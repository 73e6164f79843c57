/** How a figure is shown; `x` is a plain ratio. */
export type Unit = 'ns' | 'µs' | 'ms' | 's' | 'req/s' | 'share' | 'count' | 'MB' | 'x';

/** Which way is an improvement; a column without one is shown but never flagged by --compare. */
export type Better = 'lower' | 'higher';

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly unit: Unit;
  readonly better?: Better;
  /** Drawn as a bar chart in the HTML page. */
  readonly chart?: boolean;
}

export interface Row {
  readonly name: string;
  /** By column key; a missing key is an empty cell. */
  readonly values: Readonly<Record<string, number>>;
  /** A ratio of two measured rows, computed here: shown as `×`, not charted, not compared. */
  readonly derived?: boolean;
  readonly note?: string;
}

export interface Table {
  /** Stable within its suite: --compare matches tables by suite and id, rows by name, cells by column key. */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

/** A target from the issue, checked against this run's own figures. */
export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

export interface SuiteOutput {
  readonly tables: readonly Table[];
  readonly targets?: readonly TargetCheck[];
  readonly notes?: readonly string[];
}

export interface SuiteResult extends Required<SuiteOutput> {
  readonly name: string;
  readonly title: string;
  readonly wallSeconds: number;
}

export interface SuiteContext {
  /** Tiny sizes and one short round: for tests of the plumbing, never for figures. */
  readonly quick: boolean;
  /** Progress for the person waiting (stderr). */
  readonly log: (line: string) => void;
  /**
   * Wraps a function of faultline's own under test. Normally the identity; with `injectDelayUs` it
   * busy-waits that long per call, a deliberately slowed build for checking that --compare flags it.
   */
  readonly slow: <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R;
  /** Scenario file for the cached-vs-uncached suite instead of the reference case. */
  readonly scenarioFile?: string;
}

export interface Suite {
  readonly title: string;
  run(ctx: SuiteContext): Promise<SuiteOutput>;
}
