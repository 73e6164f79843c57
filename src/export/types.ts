import type { Scenario } from '../scenario/schema.ts';

/** Where the exported faults act: the names a cluster or a Toxiproxy needs that a scenario does not have. */
export interface ExportTarget {
  /** Service host the faults apply to (Istio `hosts`, Chaos Mesh label `app`, Toxiproxy proxy name). */
  readonly service: string;
  readonly namespace: string;
  /** Port of the service (Chaos Mesh `port`, Toxiproxy upstream port). */
  readonly port: number;
  /** Where the Toxiproxy proxy listens. */
  readonly listen: string;
}

export interface Exported {
  /** One or more documents, already checked against the target's schema. */
  readonly documents: readonly unknown[];
  readonly format: 'json' | 'yaml';
  /** One line per thing the target cannot express, dropped or approximated. */
  readonly warnings: readonly string[];
}

export type Exporter = (scenario: Scenario, target: ExportTarget) => Exported;
