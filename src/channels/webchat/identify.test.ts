import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalIdentity, checkIdentitySignature, IDENTIFY_MAX_AGE_MS, signedIdentityString, signIdentity } from './identify.ts';
import { signVisitorToken, verifyVisitorToken, VISITOR_TOKEN_TTL_MS } from './token.ts';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

describe('identify signatures', () => {
  const identity = { email: 'camille@example.fr', name: 'Camille Martin', customerId: '4242' };

  it('signs a fixed, versioned, timed string the shop can reproduce', () => {
    expect(canonicalIdentity(identity)).toBe('email=camille@example.fr\nname=Camille Martin\ncustomerId=4242\ncartToken=');
    const seconds = NOW / 1000;
    expect(signedIdentityString(identity, seconds)).toBe(`v2\n${seconds}\nemail=camille@example.fr\nname=Camille Martin\ncustomerId=4242\ncartToken=`);
    // The same HMAC a shop computes with node:crypto, as the README shows.
    const shop = createHmac('sha256', 's3cret').update(`v2\n${seconds}\nemail=camille@example.fr\nname=Camille Martin\ncustomerId=4242\ncartToken=`).digest('hex');
    expect(signIdentity('s3cret', identity, NOW)).toBe(`v2.${seconds}.${shop}`);
  });

  it('refuses another secret, another customer, or a value moved to another field', () => {
    const signature = signIdentity('s3cret', identity, NOW);
    expect(checkIdentitySignature(['s3cret'], identity, signature.toUpperCase(), NOW)).toEqual({ valid: true });
    expect(checkIdentitySignature(['other'], identity, signature, NOW)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(checkIdentitySignature(['s3cret'], { ...identity, customerId: '4243' }, signature, NOW)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(checkIdentitySignature(['s3cret'], { email: identity.email, name: identity.name, cartToken: '4242' }, signature, NOW).valid).toBe(false);
  });

  it('refuses a signature older than 10 minutes, or from too far in the future', () => {
    const signature = signIdentity('s3cret', identity, NOW);
    expect(checkIdentitySignature(['s3cret'], identity, signature, NOW + IDENTIFY_MAX_AGE_MS).valid).toBe(true);
    expect(checkIdentitySignature(['s3cret'], identity, signature, NOW + IDENTIFY_MAX_AGE_MS + 1000)).toEqual({ valid: false, reason: 'expired' });
    expect(checkIdentitySignature(['s3cret'], identity, signIdentity('s3cret', identity, NOW + 5 * 60_000), NOW)).toEqual({ valid: false, reason: 'expired' });
    // The time is signed: moving it forward breaks the signature.
    const [, , mac] = signature.split('.');
    expect(checkIdentitySignature(['s3cret'], identity, `v2.${NOW / 1000 + 600}.${mac}`, NOW + IDENTIFY_MAX_AGE_MS + 1000)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('refuses v1 signatures (no version, no time): they never expired', () => {
    const v1 = createHmac('sha256', 's3cret').update(canonicalIdentity(identity)).digest('hex');
    expect(checkIdentitySignature(['s3cret'], identity, v1, NOW)).toEqual({ valid: false, reason: 'legacy' });
    expect(checkIdentitySignature(['s3cret'], identity, 'v3.1.abc', NOW)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('accepts the previous secret when it is among the secrets, and never an empty one', () => {
    const old = signIdentity('old-secret', identity, NOW);
    expect(checkIdentitySignature(['new-secret', 'old-secret'], identity, old, NOW).valid).toBe(true);
    expect(checkIdentitySignature(['new-secret'], identity, old, NOW).valid).toBe(false);
    expect(checkIdentitySignature([''], identity, signIdentity('', identity, NOW), NOW).valid).toBe(false);
  });
});

describe('visitor tokens', () => {
  it('round-trips the claims and refuses tampering or another key', () => {
    const token = signVisitorToken('key', { channelId: 'ch1', visitorId: 'v_1', issuedAt: 5 });
    expect(verifyVisitorToken('key', token)).toEqual({ channelId: 'ch1', visitorId: 'v_1', issuedAt: 5 });
    expect(verifyVisitorToken('other', token)).toBeNull();
    const [version, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['ch1', 'v_2', 5])).toString('base64url');
    expect(verifyVisitorToken('key', `${version}.${forged}.${mac}`)).toBeNull();
    expect(verifyVisitorToken('key', null)).toBeNull();
  });

  it('expires: refused once older than the age asked for', () => {
    const token = signVisitorToken('key', { channelId: 'ch1', visitorId: 'v_1', issuedAt: NOW });
    expect(verifyVisitorToken('key', token, { now: NOW + VISITOR_TOKEN_TTL_MS, maxAgeMs: VISITOR_TOKEN_TTL_MS })).not.toBeNull();
    expect(verifyVisitorToken('key', token, { now: NOW + VISITOR_TOKEN_TTL_MS + 1, maxAgeMs: VISITOR_TOKEN_TTL_MS })).toBeNull();
  });
});
