import type { Scenario } from '../scenario/schema.ts';
import { EXPORTERS } from './index.ts';
import type { ExportTargetName } from './targets.ts';
import type { Exported, ExportTarget } from './types.ts';

/** Exports a scenario's phases and faults to a target, with the warnings every target shares. */
export function exportScenario(scenario: Scenario, to: ExportTargetName, target: ExportTarget): Exported {
  const exported = EXPORTERS[to](scenario, target);
  const shared: string[] = [];
  for (const phase of scenario.phases) {
    for (const fault of phase.faults) {
      if (fault.target !== undefined) {
        shared.push(
          `phase "${phase.name}", ${fault.kind} fault: its target "${fault.target}" is not kept; it applies to ${target.service}`,
        );
      }
    }
  }
  if (Object.keys(scenario.backends).length > 1) {
    shared.push(
      `the scenario has ${Object.keys(scenario.backends).length} backends; the export names one service, ${target.service}`,
    );
  }
  return { ...exported, warnings: [...shared, ...exported.warnings] };
}
