import type { FastifyInstance } from 'fastify';
import { attributionReport, getRecoverySettings, listPromoCodes, mapPromoCode, mapPromoCodeSchema, recoverySettingsSchema, renderRecoveryTemplate, saveRecoverySettings, setContactOptOut } from '../../commerce/index.ts';
import { localTimeToUtc } from '../../care/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { attributionQuery, contactParam, optOutBody, previewBody } from '../../contracts/index.ts';

const DAY = 86_400_000;

/** Cart recovery settings, the customer's opt-out, promo-code mapping and the attribution report. */
export function commerceRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const manage = allow(needs('channels.manage'));
  const env = () => ({ db: deps.store.db, clock: deps.inbox.clock });

  app.get('/api/v1/recovery/settings', manage, async (request) => getRecoverySettings(deps.store.db, callerOf(request).workspaceId));
  app.put('/api/v1/recovery/settings', manage, async (request) =>
    saveRecoverySettings(env(), callerOf(request).workspaceId, parseInput(recoverySettingsSchema, request.body)));
  app.post('/api/v1/recovery/preview', manage, async (request) => {
    const input = parseInput(previewBody, request.body);
    const expiry = new Date(deps.inbox.clock.now() + input.promoExpiryDays * DAY);
    // The date as the message will give it: in the workspace's recovery time zone, not the server's.
    const { timezone } = await getRecoverySettings(deps.store.db, callerOf(request).workspaceId);
    const text = renderRecoveryTemplate(input.template, {
      name: 'Camille', link: 'https://boutique.example/cart/recover/demo',
      code: input.promoPercent === null ? null : 'RELAIS-EXEMPLE1', percent: input.promoPercent,
      expiry: input.promoPercent === null ? null : new Intl.DateTimeFormat(input.language === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', timeZone: timezone }).format(expiry),
    });
    return { text };
  });

  app.post('/api/v1/contacts/:id/opt-out', allow(needs('conversations.reply')), async (request, reply) => {
    const { optedOut } = parseInput(optOutBody, request.body);
    await setContactOptOut(env(), callerOf(request).workspaceId, parseInput(contactParam, request.params).id, optedOut);
    return reply.status(204).send();
  });

  app.get('/api/v1/promo-codes', manage, async (request) => ({ promoCodes: await listPromoCodes(env(), callerOf(request).workspaceId) }));
  app.post('/api/v1/promo-codes/map', manage, async (request, reply) => {
    const result = await mapPromoCode(env(), callerOf(request).workspaceId, parseInput(mapPromoCodeSchema, request.body));
    return reply.status(201).send(result);
  });

  app.get('/api/v1/reports/attribution', allow(needs('reports.read')), async (request) => {
    const query = parseInput(attributionQuery, request.query);
    // Days are the workspace's own (a French shop's 1 November starts at 23:00 UTC on 31 October, 22:00 in summer).
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY + 1;
    if (days < 1) throw new AppError('request.invalid', '`to` must not be before `from`', { fields: { to: ['before from'] } });
    if (days > 366) throw new AppError('request.invalid', 'At most one year per report', { fields: { to: ['more than a year after from'] } });
    const workspaceId = callerOf(request).workspaceId;
    const { timezone } = await deps.store.db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
    // `to` is the last day included: the period ends at its midnight.
    const from = localTimeToUtc(query.from, '00:00', timezone);
    const to = localTimeToUtc(query.to, '24:00', timezone);
    return attributionReport(deps.store.db, workspaceId, from, to);
  });
}
