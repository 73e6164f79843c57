import { escapeXml as esc } from '../xml-escape.ts';

// No scripts and nothing fetched: the page is one file that opens anywhere, and the policy makes sure
// that even a string that slipped past escaping could not run code.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The start of one of faultline's self-contained pages (run report, sweep, bench), up to `<body>`. */
export function pageStart(title: string, style: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${style}</style>
</head>
<body>
`;
}
