import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalIdentity, identitySignatureValid, signIdentity } from './identify.ts';
import { signVisitorToken, verifyVisitorToken } from './token.ts';

describe('identify signatures', () => {
  const identity = { email: 'camille@example.fr', name: 'Camille Martin', customerId: '4242' };

  it('signs a fixed canonical string the shop can reproduce', () => {
    expect(canonicalIdentity(identity)).toBe('email=camille@example.fr\nname=Camille Martin\ncustomerId=4242\ncartToken=');
    // The same HMAC a shop computes with node:crypto, as the README shows.
    const shop = createHmac('sha256', 's3cret').update('email=camille@example.fr\nname=Camille Martin\ncustomerId=4242\ncartToken=').digest('hex');
    expect(signIdentity('s3cret', identity)).toBe(shop);
  });

  it('refuses another secret, another customer, or a value moved to another field', () => {
    const signature = signIdentity('s3cret', identity);
    expect(identitySignatureValid('s3cret', identity, signature.toUpperCase())).toBe(true);
    expect(identitySignatureValid('other', identity, signature)).toBe(false);
    expect(identitySignatureValid('s3cret', { ...identity, customerId: '4243' }, signature)).toBe(false);
    expect(identitySignatureValid('s3cret', { email: identity.email, name: identity.name, cartToken: '4242' }, signature)).toBe(false);
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
});
