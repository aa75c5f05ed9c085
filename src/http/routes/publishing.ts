import type { FastifyInstance } from 'fastify';
import { can } from '../../accounts/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import {
  approvePost, bestTimes, calendarPosts, calendarQuery, coachWarnings, createPost, deletePost, engagementSeries, getPost, getPublishingSettings, listMedia, listPosts, listQuery,
  MEDIA_MAX_BYTES, nextQueueSlot, postInput, postPatch, previousFacebookText, publicationOf, readMedia, rescheduleJobs, rhythmAdvice, savePublishingSettings, schedulePost,
  sendBackPost, settingsInput, toInstant, updatePost, uploadMedia, validateBody, validatePost, wallClock, type Actor,
} from '../../publishing/index.ts';
import { allow, needs, publicAccess } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import type { HttpDeps } from '../deps.ts';
import { connectPinterest, pinterestBoards } from './publishing-pinterest.ts';
import { byPlatformQuery, channelParam, coachBody, mediaParams, networkQuery, pinterestConnect, postParam, sendBackBody } from './publishing.validators.ts';

/** Posts, their validation, schedule and review, the media library, the calendar and the coach. */
export async function publishingRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const write = allow(needs('posts.write'));
  const read = allow(needs('workspace.read'));
  const approve = allow(needs('posts.approve'));
  const pub = deps.publishing;
  const actor = (request: Parameters<typeof callerOf>[0]): Actor => {
    const caller = callerOf(request);
    return { workspaceId: caller.workspaceId, userId: caller.userId ?? caller.tokenId ?? 'token', canApprove: can(caller.role, 'posts.approve') };
  };
  const id = (request: { params: unknown }) => parseInput(postParam, request.params).id;

  app.post('/api/v1/posts/validate', write, async (request) => {
    const input = parseInput(validateBody, request.body);
    const workspaceId = callerOf(request).workspaceId;
    const previous = input.channelId && input.networks.includes('facebook') ? await previousFacebookText(pub.db, workspaceId, input.channelId) : null;
    return { results: validatePost(input, { previousFacebookText: previous }) };
  });

  app.get('/api/v1/posts', read, async (request) => listPosts(pub.db, callerOf(request).workspaceId, parseInput(listQuery, request.query)));
  app.get('/api/v1/posts/calendar', read, async (request) => calendarPosts(pub.db, callerOf(request).workspaceId, parseInput(calendarQuery, request.query)));
  app.get('/api/v1/posts/:id', read, async (request) => getPost(pub.db, callerOf(request).workspaceId, id(request)));
  app.post('/api/v1/posts', write, async (request, reply) => {
    const who = actor(request);
    return reply.status(201).send(await createPost(pub, who.workspaceId, who.userId, parseInput(postInput, request.body)));
  });
  app.patch('/api/v1/posts/:id', write, async (request) => {
    const who = actor(request);
    const { post, timeChanged } = await updatePost(pub, who.workspaceId, id(request), parseInput(postPatch, request.body));
    if (timeChanged) await rescheduleJobs(pub, who.workspaceId, post);
    return post;
  });
  app.delete('/api/v1/posts/:id', write, async (request, reply) => {
    await deletePost(pub, callerOf(request).workspaceId, id(request));
    return reply.status(204).send();
  });
  app.post('/api/v1/posts/:id/schedule', write, async (request) => schedulePost(pub, actor(request), id(request)));
  app.post('/api/v1/posts/:id/approve', approve, async (request) => approvePost(pub, actor(request), id(request)));
  app.post('/api/v1/posts/:id/send-back', approve, async (request) =>
    sendBackPost(pub, actor(request), id(request), parseInput(sendBackBody, request.body).comment));
  app.get('/api/v1/posts/:id/engagement', read, async (request) => {
    const workspaceId = callerOf(request).workspaceId;
    const post = await getPost(pub.db, workspaceId, id(request));
    return { versions: await Promise.all(post.versions.map(async (v) => ({ versionId: v.id, network: v.network, series: await engagementSeries(pub.db, workspaceId, v.id) }))) };
  });

  app.post('/api/v1/posts/coach', write, async (request) => {
    const input = parseInput(coachBody, request.body);
    const workspaceId = callerOf(request).workspaceId;
    return { warnings: await coachWarnings(pub.db, workspaceId, { network: input.network, at: await toInstant(pub.db, workspaceId, input.at), text: input.text, postId: input.postId }) };
  });
  app.get('/api/v1/publishing/best-times', read, async (request) => bestTimes(pub.db, callerOf(request).workspaceId, parseInput(networkQuery, request.query).network));
  app.get('/api/v1/publishing/rhythm', read, async (request) => rhythmAdvice(pub.db, callerOf(request).workspaceId, parseInput(networkQuery, request.query).network));
  app.post('/api/v1/publishing/queue-slot', write, async (request) => {
    const workspaceId = callerOf(request).workspaceId;
    const network = parseInput(networkQuery, request.body).network;
    const slot = await nextQueueSlot(pub.db, workspaceId, network, pub.clock.now());
    const { day } = wallClock(slot.at, (await bestTimes(pub.db, workspaceId, network)).timezone);
    return { ...slot, local: `${day}T${String(slot.hour).padStart(2, '0')}:00` };
  });
  app.get('/api/v1/publishing/settings', read, async (request) => getPublishingSettings(pub.db, callerOf(request).workspaceId));
  app.put('/api/v1/publishing/settings', approve, async (request) =>
    savePublishingSettings(pub, callerOf(request).workspaceId, parseInput(settingsInput, request.body)));
  app.get('/api/v1/publications/by-platform', read, async (request) => {
    const query = parseInput(byPlatformQuery, request.query);
    const found = await publicationOf(pub.db, callerOf(request).workspaceId, query.channelId, query.platformId);
    if (!found) throw new AppError('post.not_found', 'No Relais post behind this platform post');
    return found;
  });

  app.post('/api/v1/publishing/pinterest', allow(needs('channels.manage')), async (request, reply) =>
    reply.status(201).send(await connectPinterest(pub, callerOf(request).workspaceId, parseInput(pinterestConnect, request.body))));
  app.get('/api/v1/publishing/pinterest/:channelId/boards', read, async (request) =>
    pinterestBoards(pub, callerOf(request).workspaceId, parseInput(channelParam, request.params).channelId));

  await app.register(async (uploads) => {
    uploads.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: MEDIA_MAX_BYTES + 1 }, (_request, body, done) => done(null, body));
    uploads.post('/api/v1/media', write, async (request, reply) => {
      const who = actor(request);
      const header = request.headers['x-file-name'];
      const name = decodeURIComponent(String(Array.isArray(header) ? header[0] : header ?? 'image')).slice(0, 200);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return reply.status(201).send(await uploadMedia(pub, who.workspaceId, who.userId, { name, bytes }));
    });
  });
  app.get('/api/v1/media', read, async (request) => ({ media: await listMedia(pub, callerOf(request).workspaceId) }));
  // Platforms fetch post images from here: public, at an unguessable address, never sniffed as HTML.
  app.get('/media/p/:workspaceId/:id/:file', allow(publicAccess), async (request, reply) => {
    const params = parseInput(mediaParams, request.params);
    const file = await readMedia(pub.db, params.workspaceId, params.id, params.file.replace(/\.(jpg|png)$/, ''));
    return reply.header('content-type', file.contentType).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline')
      .header('cache-control', 'public, max-age=86400').send(file.bytes);
  });
}
