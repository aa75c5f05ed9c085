import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerXCrc } from './handshake.ts';
import { signXBody, verifyXSignature } from './signature.ts';

const secret = 'Xk2h9cVb1fQpZ7rT0yLmN4sW8aD6eG3j';
const raw = readFileSync(new URL('./fixtures/mention.json', import.meta.url));
const independent = (data: string | Buffer) => `sha256=${createHmac('sha256', secret).update(data).digest('base64')}`;

describe('CRC', () => {
  it('answers the base64 HMAC-SHA256 of the token under the consumer secret, as JSON', () => {
    const answer = answerXCrc({ crc_token: 'dGhpcyBpcyBhIGNyYyB0b2tlbg' }, secret);
    expect(answer).toEqual({ status: 200, contentType: 'application/json', body: JSON.stringify({ response_token: independent('dGhpcyBpcyBhIGNyYyB0b2tlbg') }) });
  });

  it('refuses a missing or repeated token, and everything while no secret is configured', () => {
    expect(answerXCrc({}, secret).status).toBe(400);
    expect(answerXCrc({ crc_token: ['a', 'b'] }, secret).status).toBe(400);
    expect(answerXCrc({ crc_token: 'abc' }, undefined).status).toBe(403);
    expect(answerXCrc({ crc_token: 'abc' }, '').status).toBe(403);
  });
});

describe('verifyXSignature', () => {
  it('accepts the base64 HMAC-SHA256 of the raw bytes', () => {
    expect(signXBody(raw, secret)).toBe(independent(raw));
    expect(verifyXSignature(raw, independent(raw), secret)).toBe(true);
  });

  it('rejects the same JSON re-serialised: the big numeric id and the escapes change the bytes', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
    expect(verifyXSignature(reserialised, independent(raw), secret)).toBe(false);
  });

  it('rejects another secret, a hex digest, and never throws on a missing or malformed header', () => {
    const good = independent(raw);
    const hex = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    for (const header of [undefined, '', 'sha256=', good.slice(0, -1), `${good}=`, `${good} `, good.replace('sha256=', 'sha1='), hex, signXBody(raw, 'other')]) {
      expect(() => verifyXSignature(raw, header, secret)).not.toThrow();
      expect(verifyXSignature(raw, header, secret), String(header)).toBe(false);
    }
    expect(verifyXSignature(raw, signXBody(raw, ''), '')).toBe(false);
    expect(verifyXSignature(raw, good, undefined)).toBe(false);
  });
});
