import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { addMember, Browser, ownerInput, setUpOwner, startTestRelais, type TestRelais } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('team and invitations on %s', (dialect) => {
  let relais: TestRelais;
  let owner: Browser;
  beforeEach(async () => {
    relais = await startTestRelais(dialect);
    owner = await setUpOwner(relais.app);
  });
  afterEach(async () => { await relais.dispose(); });

  const inviteToken = async (email: string, role: string) => {
    const reply = await owner.post('/api/v1/invitations', { email, role });
    expect(reply.status).toBe(201);
    expect(reply.body.url).toMatch(/^http:\/\/relais\.test\/invite\/[\w-]{20,}$/);
    return { id: reply.body.invitation.id as string, token: String(reply.body.url).split('/invite/')[1]! };
  };

  it('invites by link: the invitee previews, joins with a role and is signed in', async () => {
    const { token } = await inviteToken('Karim@Boutique-Lea.fr', 'agent');
    expect((await owner.get('/api/v1/invitations')).body.invitations).toMatchObject([{ email: 'karim@boutique-lea.fr', role: 'agent' }]);
    const karim = await new Browser(relais.app).open();
    expect((await karim.get(`/api/v1/invitations/preview/${token}`)).body).toEqual({ workspaceName: 'Boutique Léa', email: 'karim@boutique-lea.fr', role: 'agent' });
    const noName = await karim.post('/api/v1/invitations/accept', { token, password: 'karim password 1' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields.name).toBeDefined();
    const joined = await karim.post('/api/v1/invitations/accept', { token, name: 'Karim', password: 'karim password 1' });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ user: { email: 'karim@boutique-lea.fr' }, role: 'agent', workspace: { name: 'Boutique Léa' } });
    expect((await owner.get('/api/v1/members')).body.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([['Karim', 'agent'], ['Léa Martin', 'owner']]);
    expect((await owner.get('/api/v1/invitations')).body.invitations).toEqual([]);
    // A used link opens nothing.
    const reuse = await new Browser(relais.app).open();
    expect((await reuse.post('/api/v1/invitations/accept', { token, name: 'Eve', password: 'eve password 12' })).status).toBe(404);
  });

  it('refuses expired and revoked invitations', async () => {
    const expired = await inviteToken('late@example.com', 'agent');
    const revoked = await inviteToken('revoked@example.com', 'agent');
    expect((await owner.delete(`/api/v1/invitations/${revoked.id}`)).status).toBe(204);
    relais.clock.advance(8 * 86_400_000);
    const visitor = await new Browser(relais.app).open();
    const late = await visitor.post('/api/v1/invitations/accept', { token: expired.token, name: 'Late', password: 'late password 12' });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('invitation.expired');
    expect((await visitor.get(`/api/v1/invitations/preview/${revoked.token}`)).status).toBe(404);
    expect(await relais.store.db.selectFrom('users').select('email').where('email', 'in', ['late@example.com', 'revoked@example.com']).execute()).toEqual([]);
  });

  it('lets someone with an account join a second workspace and switch between them', async () => {
    const second = await owner.post('/api/v1/workspaces', { name: 'Boutique Deux' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ workspace: { name: 'Boutique Deux' }, role: 'owner' });
    const secondId = second.body.workspace.id as string;
    const karim = await addMember(relais.app, owner, 'karim@boutique-lea.fr', 'agent');
    expect((await karim.get('/api/v1/me')).body.workspace.name).toBe('Boutique Deux');

    const back = await owner.post('/api/v1/me/workspace', { workspaceId: (await owner.get('/api/v1/me')).body.workspaces.find((w: { name: string }) => w.name === 'Boutique Léa').id });
    expect(back.body.workspace.name).toBe('Boutique Léa');
    const { token } = await inviteToken('karim@boutique-lea.fr', 'community_manager');
    const wrong = await karim.post('/api/v1/invitations/accept', { token, password: 'not karims password' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('invitation.wrong_account');
    const joined = await karim.post('/api/v1/invitations/accept', { token, password: 'another good password' });
    expect(joined.status).toBe(200);
    expect(joined.body.workspaces.map((w: { name: string; role: string }) => [w.name, w.role])).toEqual([['Boutique Deux', 'agent'], ['Boutique Léa', 'community_manager']]);
    const switched = await karim.post('/api/v1/me/workspace', { workspaceId: secondId });
    expect(switched.body).toMatchObject({ workspace: { id: secondId }, role: 'agent' });
    expect((await karim.get('/api/v1/me')).body.role).toBe('agent');
  });

  it('changes roles, keeps one owner, and only owners touch ownership', async () => {
    const admin = await addMember(relais.app, owner, 'admin@example.com', 'admin', 'Ada');
    const agent = await addMember(relais.app, owner, 'agent@example.com', 'agent', 'Bob');
    const ids = Object.fromEntries((await owner.get('/api/v1/members')).body.members.map((m: { name: string; userId: string }) => [m.name, m.userId]));

    const promote = await admin.patch(`/api/v1/members/${ids.Bob}`, { role: 'community_manager' });
    expect(promote.body).toMatchObject({ name: 'Bob', role: 'community_manager' });
    expect((await agent.get('/api/v1/me')).body.role).toBe('community_manager');
    expect((await admin.patch(`/api/v1/members/${ids.Bob}`, { role: 'owner' })).status).toBe(403);
    expect((await admin.patch(`/api/v1/members/${ids['Léa Martin']}`, { role: 'agent' })).status).toBe(403);
    const lastOwner = await owner.patch(`/api/v1/members/${ids['Léa Martin']}`, { role: 'admin' });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error.code).toBe('member.last_owner');

    expect((await admin.delete(`/api/v1/members/${ids.Bob}`)).status).toBe(204);
    expect((await agent.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/members')).body.members).toHaveLength(2);
  });

  it('refuses to invite someone who is already a member', async () => {
    const reply = await owner.post('/api/v1/invitations', { email: ownerInput.email, role: 'agent' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('member.already_exists');
  });
});
