/** The export targets' names, apart from their code so the CLI can list them without loading it. */
export const EXPORT_TARGETS = ['toxiproxy', 'istio', 'chaos-mesh'] as const;
export type ExportTargetName = (typeof EXPORT_TARGETS)[number];
