import { readScenarioServing, type ScenarioServing } from '../http/scenario-server.ts';
import { printWarning } from './output.ts';
import { prepareScenario } from './prepare-scenario.ts';

/**
 * The scenario that `serve --scenario` and `proxy --scenario` put on their timeline, after the same
 * load-time checks as `validate` and `run` (duplicate or inverted phases, unresolved references, …):
 * a server must not quietly apply a timeline that `validate` refuses. Both serve in real time.
 */
export async function readCheckedServing(
  file: string,
  options: { readonly allowInsecureHttp?: boolean } = {},
): Promise<ScenarioServing> {
  await prepareScenario(file, {
    warn: printWarning,
    realTime: true,
    ...(options.allowInsecureHttp !== undefined && { allowInsecureHttp: options.allowInsecureHttp }),
  });
  return readScenarioServing(file, process.cwd());
}
