import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from '../run-bench.ts';
import { renderBenchHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';

export interface WrittenReport {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
}

/**
 * `<outDir>/<date>.json|.md|.html` (`<date>-quick.*` for quick runs, so a test never overwrites real
 * figures). The .json is what `--compare` reads.
 */
export async function writeBenchReport(report: BenchReport, outDir: string): Promise<WrittenReport> {
  await mkdir(outDir, { recursive: true });
  const base = join(outDir, `${report.environment.startedAt.slice(0, 10)}${report.quick ? '-quick' : ''}`);
  const written = { json: `${base}.json`, markdown: `${base}.md`, html: `${base}.html` };
  await writeFile(written.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(written.markdown, renderMarkdown(report));
  await writeFile(written.html, renderBenchHtml(report));
  return written;
}
