import { describe, expect, it } from 'vitest';
import { escapeControlChars } from '../../src/util/control-chars.ts';

describe('escapeControlChars', () => {
  it('shows escape sequences, carriage returns and bidi overrides as visible text', () => {
    expect(escapeControlChars('ok\u001b[32m✓\r')).toBe('ok\\x1b[32m✓\\x0d');
    expect(escapeControlChars('\u202eabc')).toBe('\\u202eabc');
    expect(escapeControlChars('\u009b2J')).toBe('\\x9b2J');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(escapeControlChars('café ✅ 東京')).toBe('café ✅ 東京');
  });
});
