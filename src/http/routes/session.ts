import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptInvitation, describeCaller, endSession, isSetupNeeded, previewInvitation, setupFirstOwner, signIn, type NewSession } from '../../accounts/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, guestAccess } from '../access.ts';
import { clearSessionCookies, ensureCsrfCookie, setSessionCookies } from '../cookies.ts';
import { acceptInvitationBody, setupBody, signInBody, tokenParam } from '../../contracts/index.ts';

const meta = (request: FastifyRequest) => ({ ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null });

// Per-IP request ceilings on the doors anyone can knock on, on top of the per-email throttle.
const doorLimit = { max: 30, timeWindow: '1 minute' };

/** The doors: first-run setup, sign-in and out, and joining by invitation. */
export function sessionRoutes(app: FastifyInstance, deps: HttpDeps): void {
  // Answers like GET /me, for the session just opened.
  const signedIn = async (request: FastifyRequest, reply: FastifyReply, session: NewSession & { userId: string }, workspaceId: string) => {
    setSessionCookies(request, reply, deps.config.publicUrl, session);
    const { role } = await deps.store.db.selectFrom('memberships').select('role')
      .where('user_id', '=', session.userId).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    return describeCaller(deps.store.db, { via: 'session', userId: session.userId, tokenId: null, sessionId: null, workspaceId, role });
  };

  app.get('/api/v1/session', allow(guestAccess), async (request, reply) => {
    // A browser restart drops the CSRF cookie but may keep the session: hand it back.
    const csrfToken = ensureCsrfCookie(request, reply, deps.config.publicUrl, request.sessionCsrf);
    return { setupNeeded: await isSetupNeeded(deps.accounts), signedIn: request.caller?.via === 'session', csrfToken };
  });

  app.post('/api/v1/setup', { config: { access: guestAccess, rateLimit: doorLimit } }, async (request, reply) => {
    const body = parseInput(setupBody, request.body);
    const result = await setupFirstOwner(deps.accounts, body, meta(request));
    reply.status(201);
    return signedIn(request, reply, { ...result.session!, userId: result.userId }, result.workspaceId);
  });

  app.post('/api/v1/auth/sign-in', { config: { access: guestAccess, rateLimit: doorLimit } }, async (request, reply) => {
    const body = parseInput(signInBody, request.body);
    const session = await signIn(deps.accounts, body, meta(request));
    return signedIn(request, reply, session, session.workspaceId);
  });

  app.post('/api/v1/auth/sign-out', allow(guestAccess), async (request, reply) => {
    if (request.caller?.sessionId) await endSession(deps.store.db, request.caller.sessionId);
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.get('/api/v1/invitations/preview/:token', { config: { access: guestAccess, rateLimit: doorLimit } }, async (request) => {
    const { token } = parseInput(tokenParam, request.params);
    return previewInvitation(deps.accounts, token);
  });

  app.post('/api/v1/invitations/accept', { config: { access: guestAccess, rateLimit: doorLimit } }, async (request, reply) => {
    const body = parseInput(acceptInvitationBody, request.body);
    const result = await acceptInvitation(deps.accounts, body, meta(request));
    return signedIn(request, reply, result, result.workspaceId);
  });
}
