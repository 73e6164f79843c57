/**
 * A reply body as a plugin hands it to the client: JSON when it parses, otherwise the raw text, which
 * the client reports as a malformed body (so a broken reply is measured, not thrown).
 */
export function parseJsonOrText(text: string): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
