import { renderHtml } from './html/page.ts';
import { resolveOutputPath, writeOutputFile } from './output-file.ts';
import type { FileReporterOptions, Reporter, ReporterContext } from './types.ts';

export interface HtmlReporterOptions extends FileReporterOptions {
  readonly title?: string;
}

/**
 * One self-contained HTML file for the whole run: no scripts, no CDN, charts drawn as inline SVG from
 * each result's timeline, so it can be attached to a CI run or mailed as is.
 */
export function createHtmlReporter(options: HtmlReporterOptions, ctx: ReporterContext): Reporter {
  const output = options.output ?? 'report.html';
  resolveOutputPath(ctx.outDir, output);
  return {
    async onRunEnd(summary) {
      await writeOutputFile(ctx.outDir, output, renderHtml(summary, options.title));
    },
  };
}
