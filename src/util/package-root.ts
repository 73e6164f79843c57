import { fileURLToPath } from 'node:url';

/** True when faultline runs from its .ts sources (tests, the repository's dev scripts), not from dist/. */
export const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The folder holding faultline's package.json: above src/util in the sources, above dist/src/util when built. */
export const PACKAGE_ROOT = fileURLToPath(
  new URL(RUNNING_FROM_SOURCE ? '../../' : '../../../', import.meta.url),
);

/** A module's file name as it exists here: `index.ts` in the sources, `index.js` when built. */
export function moduleFile(base: string): string {
  return `${base}.${RUNNING_FROM_SOURCE ? 'ts' : 'js'}`;
}
