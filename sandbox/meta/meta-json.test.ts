import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeaders, toMetaJson } from './meta-json.ts';

describe('toMetaJson', () => {
  it('escapes non-ASCII as lower-case \\uXXXX (emoji as surrogate pairs) and / as \\/', () => {
    const json = toMetaJson({ text: 'äöå Été 😀', url: 'https://shop.fr/a' });
    expect(json).toBe('{"text":"\\u00e4\\u00f6\\u00e5 \\u00c9t\\u00e9 \\ud83d\\ude00","url":"https:\\/\\/shop.fr\\/a"}');
    expect(JSON.parse(json)).toEqual({ text: 'äöå Été 😀', url: 'https://shop.fr/a' });
  });

  it('leaves plain ASCII as JSON.stringify writes it', () => {
    expect(toMetaJson({ a: [1, 'b', null, true], 'c"d': 'e\\f\n' })).toBe(JSON.stringify({ a: [1, 'b', null, true], 'c"d': 'e\\f\n' }));
  });
});

describe('signatureHeaders', () => {
  it('signs the given bytes with HMAC-SHA256 and the legacy HMAC-SHA1', () => {
    const body = toMetaJson({ message: 'Déjà' });
    expect(signatureHeaders('secret', body)).toEqual({
      'x-hub-signature-256': `sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`,
      'x-hub-signature': `sha1=${createHmac('sha1', 'secret').update(body).digest('hex')}`,
    });
  });
});
