import { describe, expect, it } from 'vitest';
import { parseExactJson } from './parse-exact-json.ts';

describe('parseExactJson', () => {
  it('turns integers past 2^53 into their exact digits', () => {
    expect(JSON.parse('{"app_id":9007199254740993}').app_id).toBe(9007199254740992); // what plain parsing loses
    expect(parseExactJson('{"app_id":9007199254740993,"ids":[10206635083634304, 1517776481860111]}'))
      .toEqual({ app_id: '9007199254740993', ids: ['10206635083634304', '1517776481860111'] });
  });

  it('leaves times, small numbers, floats, negatives and strings alone', () => {
    const text = '{"time":1732614000456,"n":-12345678901234567,"f":12345678901234567.5,"e":1234567890123456e2,"s":"a:12345678901234567","q":"\\",12345678901234567"}';
    expect(parseExactJson(text)).toEqual(JSON.parse(text));
  });
});
