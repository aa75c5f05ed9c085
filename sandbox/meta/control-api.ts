/**
 * A small HTTP control surface so a demo, or a test in another process, can drive the Meta
 * sandbox: `POST /_sandbox/meta/<method>` with the method's input as JSON (customer actions
 * also take `"delivery": {DeliveryOptions}`), and `GET /_sandbox/meta/log` for the records.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isRecord, readBody, sendJson } from '../http-io.ts';
import type { MetaAction, MetaSandbox } from './meta-sandbox.ts';

const actions: MetaAction[] = [
  'comment', 'editComment', 'removeComment', 'hideComment', 'unhideComment', 'reaction',
  'messengerMessage', 'instagramComment', 'instagramDm', 'pageInboxReply',
];

const deliveryOptions = z.object({
  duplicate: z.number().int().min(1).max(100).optional(),
  badSignature: z.boolean().optional(),
  unsigned: z.boolean().optional(),
  retrySchedule: z.array(z.number().min(0)).optional(),
  url: z.string().optional(),
}).optional();

const batchBody = z.object({
  events: z.array(z.object({ action: z.enum(actions), input: z.unknown() })).min(1),
  options: z.object({ separate: z.boolean().optional(), reorder: z.boolean().optional() }).optional(),
  delivery: deliveryOptions,
});

const failNextBody = z.object({
  method: z.string().optional(),
  path: z.string().optional(),
  /** A regular expression source, for what a JSON string cannot carry. */
  pathPattern: z.string().optional(),
  times: z.number().int().min(1).optional(),
  status: z.number().int().min(100).max(599).optional(),
  error: z.object({ code: z.number().int(), error_subcode: z.number().int().optional(), message: z.string().optional(), type: z.string().optional() }).optional(),
  delayMs: z.number().min(0).optional(),
  actThenHang: z.boolean().optional(),
});

const throttleBody = z.object({
  code: z.union([z.literal(4), z.literal(17), z.literal(32), z.literal(613), z.literal(80001), z.literal(80006)]),
  estimatedTimeToRegainAccessMinutes: z.number().min(0).optional(),
  pageId: z.string().optional(),
});

type Command = (meta: MetaSandbox, body: Record<string, unknown>) => unknown;

const commands: Record<string, Command> = {
  ...Object.fromEntries(actions.map((action): [string, Command] => [action, (meta, { delivery, ...input }) =>
    meta[action](input as never, deliveryOptions.parse(delivery))])),
  batch: (meta, body) => {
    const { events, options, delivery } = batchBody.parse(body);
    return meta.batch(events.map((e) => meta.events[e.action](e.input as never)), { ...options, ...delivery });
  },
  deliver: (meta, { body, delivery }) => meta.deliver(body, deliveryOptions.parse(delivery)),
  verifyCallback: (meta, body) => {
    const { relaisUrl, verifyToken } = z.object({ relaisUrl: z.string().optional(), verifyToken: z.string().optional() }).parse(body);
    return meta.verifyCallback(relaisUrl, { verifyToken });
  },
  addPage: (meta, body) => meta.addPage(body as never),
  addUser: (meta, body) => meta.addUser(body as never),
  addPost: (meta, body) => meta.addPost(body as never),
  addMedia: (meta, body) => meta.addMedia(body as never),
  setRelaisUrl: (meta, body) => meta.setRelaisUrl(z.object({ url: z.url() }).parse(body).url),
  setEchoes: (meta, body) => meta.setEchoes(z.object({ on: z.boolean() }).parse(body).on),
  advanceTime: (meta, body) => meta.advanceTime(z.object({ ms: z.number() }).parse(body).ms),
  failNext: (meta, body) => {
    const { pathPattern, ...rule } = failNextBody.parse(body);
    meta.failNext({ ...rule, path: pathPattern !== undefined ? new RegExp(pathPattern) : rule.path });
  },
  throttle: (meta, body) => meta.throttle(throttleBody.parse(body)),
  unthrottle: (meta) => meta.unthrottle(),
  revokeToken: (meta, body) => meta.revokeToken(z.object({ token: z.string() }).parse(body).token),
  reset: (meta, body) => meta.reset({ keepSetup: z.object({ keepSetup: z.boolean().optional() }).parse(body).keepSetup }),
  idle: (meta) => meta.idle(),
};

export async function handleMetaControl(meta: MetaSandbox, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (req.method === 'GET' && name === 'log') {
    const { sent, replies, hidden, deleted, likes, calls, deliveries } = meta;
    return sendJson(res, 200, { sent, replies, hidden, deleted, likes, calls, deliveries });
  }
  const command = commands[name];
  if (!command) return sendJson(res, 404, { error: { message: `Unknown control "${name}"`, controls: ['log', ...Object.keys(commands)] } });
  if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'Use POST' } });
  try {
    const raw = (await readBody(req)).toString('utf8');
    const body: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    if (!isRecord(body)) throw new Error('The body must be a JSON object');
    sendJson(res, 200, (await command(meta, body)) ?? { ok: true });
  } catch (error) {
    const issues = error instanceof z.ZodError ? error.issues : undefined;
    sendJson(res, 400, { error: { message: error instanceof Error ? error.message : String(error), ...(issues ? { issues } : {}) } });
  }
}
