import { describe, expect, it } from 'vitest';
import { corruptBody } from '../../src/faults/corrupt-body.ts';

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('corruptBody', () => {
  it.each([{ a: 1, b: [1, 2, 3] }, [1, 2], 'a string', null, true, {}])(
    'truncating %j gives a proper prefix of its JSON that does not parse',
    (body) => {
      const json = JSON.stringify(body);
      const cut = corruptBody(body, 'truncated');
      expect(json.startsWith(cut)).toBe(true);
      expect(cut.length).toBeLessThan(json.length);
      expect(isJson(cut)).toBe(false);
    },
  );

  it('truncating nothing gives an empty body', () => {
    expect(corruptBody(undefined, 'truncated')).toBe('');
  });

  it('garbage is not JSON and empty is empty', () => {
    expect(isJson(corruptBody({ a: 1 }, 'garbage'))).toBe(false);
    expect(corruptBody({ a: 1 }, 'empty')).toBe('');
  });
});
