import { describe, expect, it } from 'vitest';
import { answerMetaHandshake } from './handshake.ts';

const token = 'relais-verify-7c1e2b';
const challenge = '1158201444';

describe('answerMetaHandshake', () => {
  it('echoes the challenge exactly as plain text when mode and token match', () => {
    const answer = answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': token }, token);
    expect(answer).toEqual({ status: 200, body: challenge, contentType: 'text/plain' });
  });

  it('does not reformat the challenge (no number parsing, no trimming)', () => {
    const odd = '0012345678901234567890 ';
    const answer = answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': odd, 'hub.verify_token': token }, token);
    expect(answer.body).toBe(odd);
  });

  it('accepts the underscore spelling of PHP-style parsers and the nested one of qs', () => {
    expect(answerMetaHandshake({ hub_mode: 'subscribe', hub_challenge: challenge, hub_verify_token: token }, token).status).toBe(200);
    expect(answerMetaHandshake({ hub: { mode: 'subscribe', challenge, verify_token: token } }, token).status).toBe(200);
  });

  it('refuses a wrong token, including a prefix or a different case of the right one', () => {
    for (const given of ['wrong', token.slice(0, -1), `${token}x`, token.toUpperCase(), '']) {
      const answer = answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': given }, token);
      expect(answer.status, given).toBe(403);
      expect(answer.body).not.toContain(challenge);
    }
  });

  it('refuses a mode other than subscribe', () => {
    for (const mode of ['unsubscribe', 'Subscribe', '', undefined]) {
      expect(answerMetaHandshake({ 'hub.mode': mode, 'hub.challenge': challenge, 'hub.verify_token': token }, token).status).toBe(403);
    }
  });

  it('refuses everything while no verify token is configured', () => {
    for (const configured of [undefined, '']) {
      expect(answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': '' }, configured).status).toBe(403);
      expect(answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': challenge }, configured).status).toBe(403);
    }
  });

  it('refuses a missing challenge or repeated parameters', () => {
    expect(answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': token }, token).status).toBe(403);
    expect(answerMetaHandshake({ 'hub.mode': ['subscribe', 'subscribe'], 'hub.challenge': challenge, 'hub.verify_token': token }, token).status).toBe(403);
    expect(answerMetaHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': [token, 'x'] }, token).status).toBe(403);
  });
});
