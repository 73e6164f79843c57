/** The report's stylesheet, inlined so the file stands alone. */
export const STYLE = `
:root { color-scheme: light; --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #f9fafb; }
header { padding: 20px 32px 8px; }
h1 { margin: 0 0 4px; font-size: 22px; }
h2 { font-size: 18px; margin: 0 0 6px; display: flex; gap: 10px; align-items: center; }
main { padding: 0 32px 32px; }
.totals, .file, .description, .none { color: var(--muted); margin: 4px 0; }
code { background: #eef2ff; padding: 1px 5px; border-radius: 4px; font-size: 12.5px; }
table { border-collapse: collapse; background: #fff; margin: 12px 0; display: block; max-width: 100%; overflow-x: auto; }
th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: left; }
th { font-weight: 600; color: var(--muted); }
.overview td:nth-child(n+3), .hypotheses td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
.scenario { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin: 22px 0; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 10px 0; }
.facts div { min-width: 120px; }
.facts dt { color: var(--muted); font-size: 12px; }
.facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.badge { font-size: 12px; font-weight: 600; padding: 2px 8px; border-radius: 10px; text-transform: uppercase; }
.badge.pass { background: #dcfce7; color: #166534; }
.badge.fail { background: #fee2e2; color: #991b1b; }
.badge.incomplete, .badge.skipped { background: #fef3c7; color: #92400e; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 520px), 1fr)); gap: 8px; }
figure { margin: 0; }
figcaption { font-weight: 600; font-size: 13px; margin: 10px 0 2px; }
svg.chart { width: 100%; height: auto; background: #fff; }
svg .grid { stroke: #f0f0f0; }
svg .axis { stroke: #9ca3af; }
svg .phase-edge { stroke: #6b7280; stroke-dasharray: 3 2; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg text.legend { fill: var(--fg); }
svg text.band-label { fill: #78350f; font-size: 10.5px; }
svg text.band-label.narrow { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
`;
