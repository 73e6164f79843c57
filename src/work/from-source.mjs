// The worker entry when faultline runs from its .ts sources (its own tests, `npm run dev`). Node 20 cannot
// load .ts in a worker by itself, and a `--import tsx` in a worker's execArgv does not reach the worker's
// module loader, so tsx is registered here before the unit worker is imported. The built package never
// uses this file: its workers load dist/src/work/unit-worker.js with plain Node.
import { register } from 'tsx/esm/api';

register();
const { default: runUnitTask, checkLawTask } = await import('./unit-worker.ts');

export { checkLawTask };
export default runUnitTask;
