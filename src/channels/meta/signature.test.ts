import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signMetaBody, verifyMetaSignature } from './signature.ts';

const secret = 'a3f1c9e07b5d4e2f8a6c1b0d9e7f5a3c';
// Bytes exactly as Meta sends them: `\u00e8`, `\ud83d\ude0a` and `\/` escapes, not UTF-8.
const raw = readFileSync(new URL('./fixtures/fb-comment-add.json', import.meta.url));

describe('verifyMetaSignature', () => {
  it('accepts the HMAC-SHA256 of the raw bytes under the app secret', () => {
    const header = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    expect(signMetaBody(raw, secret)).toBe(header);
    expect(verifyMetaSignature(raw, header, secret)).toBe(true);
  });

  it('rejects the same JSON re-serialised: Meta signs its escaped bytes, not the object', () => {
    const text = raw.toString('utf8');
    expect(text).toContain('Lef\\u00e8vre');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(text)), 'utf8');
    expect(reserialised.toString('utf8')).toContain('Lefèvre');
    expect(JSON.parse(reserialised.toString('utf8'))).toEqual(JSON.parse(text));
    expect(verifyMetaSignature(reserialised, signMetaBody(raw, secret), secret)).toBe(false);
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(raw);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 3) ^ 1, tampered.length - 3);
    expect(verifyMetaSignature(tampered, signMetaBody(raw, secret), secret)).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyMetaSignature(raw, signMetaBody(raw, 'another-secret'), secret)).toBe(false);
  });

  it('refuses everything while no app secret is configured, even a body signed with the empty key', () => {
    expect(verifyMetaSignature(raw, signMetaBody(raw, ''), '')).toBe(false);
  });

  it('returns false, never throws, on a missing or malformed header', () => {
    const hex = signMetaBody(raw, secret).slice('sha256='.length);
    const sha1 = `sha1=${createHmac('sha1', secret).update(raw).digest('hex')}`;
    for (const header of [undefined, '', 'sha256=', hex, `sha1=${hex}`, sha1, `sha256=${hex.replace(/^./, 'z')}`, `sha256=${hex} `, `sha256 = ${hex}`]) {
      expect(verifyMetaSignature(raw, header, secret), String(header)).toBe(false);
    }
  });

  it('returns false on a header of the wrong length instead of throwing in timingSafeEqual', () => {
    const valid = signMetaBody(raw, secret);
    for (const header of [valid.slice(0, -2), `${valid}00`, valid.slice(0, 7 + 40), `${valid}${valid.slice(7)}`]) {
      expect(() => verifyMetaSignature(raw, header, secret)).not.toThrow();
      expect(verifyMetaSignature(raw, header, secret)).toBe(false);
    }
  });
});
