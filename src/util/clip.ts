/** Longest value an error message quotes, and longest line it prints: a 1 MB value stays readable. */
export const MAX_QUOTED_VALUE = 120;
export const MAX_ERROR_LINE = 500;

/** `text` cut to `max` characters, with an ellipsis saying how much was left out. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
