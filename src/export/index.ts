import { exportChaosMesh } from './chaos-mesh.ts';
import { exportIstio } from './istio.ts';
import type { ExportTargetName } from './targets.ts';
import { exportToxiproxy } from './toxiproxy.ts';
import type { Exporter } from './types.ts';

/** The exporters by target name; `--to` takes one of EXPORT_TARGETS, and each has its exporter here. */
export const EXPORTERS = {
  toxiproxy: exportToxiproxy,
  istio: exportIstio,
  'chaos-mesh': exportChaosMesh,
} as const satisfies Record<ExportTargetName, Exporter>;
