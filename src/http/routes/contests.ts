import type { FastifyInstance } from 'fastify';
import { ambassadorLeaderboard, createAmbassadorCode, saveAmbassadorThreshold, contestsDepsFrom, createContest, createContestSchema, frozenEntriesCsv, getContest, listCandidatePosts, listContests, listEntries, listExclusions, listWinners, notifyWinners, proofBundle, refreshEntries, runDraw, setExclusion, RULES_TEMPLATE_FR } from '../../contests/index.ts';
import { shopAdapters } from '../../commerce/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { ambassadorCodeBody, ambassadorSettingsBody, contestParam, exclusionBody, leaderboardQuery } from './contests.validators.ts';

/**
 * Contests for community managers, admins and owners. No route reads the sealed seed: the
 * views select named columns, and the seed appears only from the draw's row once published.
 */
export function contestRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const manage = allow(needs('contests.manage'));
  const contests = () => contestsDepsFrom(deps.inbox, (platform) => shopAdapters.get(platform));
  const ws = (request: Parameters<typeof callerOf>[0]) => callerOf(request).workspaceId;
  const id = (request: { params: unknown }) => parseInput(contestParam, request.params).id;

  app.get('/api/v1/contests', manage, async (request) => ({ contests: await listContests(deps.store.db, ws(request)) }));
  app.get('/api/v1/contests/rules-template', manage, async () => ({ template: RULES_TEMPLATE_FR }));
  app.get('/api/v1/contests/posts', manage, async (request) => ({ posts: await listCandidatePosts(deps.store.db, ws(request)) }));
  app.get('/api/v1/contests/exclusions', manage, async (request) => ({ exclusions: await listExclusions(deps.store.db, ws(request)) }));
  app.put('/api/v1/contests/exclusions', manage, async (request, reply) => {
    const input = parseInput(exclusionBody, request.body);
    await setExclusion(deps.store.db, ws(request), input.contactId, input.kind, deps.inbox.clock.now());
    return reply.status(204).send();
  });
  app.post('/api/v1/contests', manage, async (request, reply) => {
    const created = await createContest(contests(), ws(request), callerOf(request).userId, parseInput(createContestSchema, request.body));
    return reply.status(201).send({ contest: await getContest(deps.store.db, ws(request), created.id) });
  });
  app.get('/api/v1/contests/:id', manage, async (request) => {
    const contest = await getContest(deps.store.db, ws(request), id(request));
    const counts = await refreshEntries(contests(), ws(request), contest.id);
    return { contest, counts, winners: await listWinners(contests(), ws(request), contest.id) };
  });
  app.get('/api/v1/contests/:id/entries', manage, async (request) => {
    const contestId = id(request);
    const counts = await refreshEntries(contests(), ws(request), contestId);
    return { counts, entries: await listEntries(deps.store.db, ws(request), contestId) };
  });
  app.post('/api/v1/contests/:id/draw', manage, async (request) => runDraw(contests(), ws(request), callerOf(request).userId, id(request)));
  app.post('/api/v1/contests/:id/notify', manage, async (request) => ({ winners: await notifyWinners(contests(), ws(request), callerOf(request).userId, id(request)) }));
  app.get('/api/v1/contests/:id/winners', manage, async (request) => ({ winners: await listWinners(contests(), ws(request), id(request)) }));
  app.get('/api/v1/contests/:id/proof', manage, async (request, reply) => {
    const bundle = await proofBundle(contests(), ws(request), id(request));
    reply.header('content-disposition', `attachment; filename="contest-proof-${bundle.contest.id}.json"`);
    return bundle;
  });
  app.get('/api/v1/contests/:id/entries.csv', manage, async (request, reply) => {
    const csv = await frozenEntriesCsv(contests(), ws(request), id(request));
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="entries.csv"');
    return reply.send(Buffer.from(csv, 'utf8'));
  });

  // Ambassadors: the leaderboard, the shop's threshold, a personal code in one click.
  app.get('/api/v1/ambassadors', manage, async (request) => ambassadorLeaderboard(deps.store.db, ws(request), parseInput(leaderboardQuery, request.query), deps.inbox.clock.now()));
  app.put('/api/v1/ambassadors/settings', manage, async (request) =>
    saveAmbassadorThreshold(deps.store.db, ws(request), parseInput(ambassadorSettingsBody, request.body).threshold, deps.inbox.clock.now()));
  app.post('/api/v1/ambassadors/:id/code', manage, async (request, reply) => {
    const created = await createAmbassadorCode(contests(), ws(request), id(request), parseInput(ambassadorCodeBody, request.body));
    return reply.status(created.created ? 201 : 200).send(created);
  });
}
