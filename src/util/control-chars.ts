/**
 * C0 and C1 control characters, DEL, and the Unicode bidirectional overrides: in a user's string
 * (a scenario name, a phase name) they could move the cursor, recolour the terminal or print a fake
 * green result. Each is shown as a visible escape instead.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.codePointAt(0) as number;
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
