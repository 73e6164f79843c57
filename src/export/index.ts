import { exportChaosMesh } from './chaos-mesh.ts';
import { exportIstio } from './istio.ts';
import { exportToxiproxy } from './toxiproxy.ts';
import type { Exporter } from './types.ts';

/** The export targets by name; `--to` takes a key of this map. */
export const EXPORTERS = {
  toxiproxy: exportToxiproxy,
  istio: exportIstio,
  'chaos-mesh': exportChaosMesh,
} as const satisfies Record<string, Exporter>;
export type ExportTargetName = keyof typeof EXPORTERS;
export const EXPORT_TARGETS = Object.keys(EXPORTERS) as ExportTargetName[];
