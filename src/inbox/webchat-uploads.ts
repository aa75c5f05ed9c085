import { AppError, newId, newSecret, safeEqual } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';
import type { WebchatChannel } from './webchat-visitors.ts';

export const WEBCHAT_UPLOAD_MAX_BYTES = 3 * 1024 * 1024;

/** The kinds a visitor may attach, recognised by their first bytes (never by name or header alone). */
const signatures: { type: string; test: (bytes: Buffer) => boolean }[] = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The content's real type when it is an image or a PDF, else null. */
export function sniffUploadType(bytes: Buffer): string | null {
  return signatures.find((signature) => signature.test(bytes))?.type ?? null;
}

/**
 * Stores a visitor's attachment after checking its size and its bytes against its declared
 * type. Answers the capability path it is served at (id and a random key).
 */
export async function saveVisitorUpload(deps: Pick<InboxDeps, 'db' | 'clock'>, channel: WebchatChannel, visitorId: string, file: { name: string; declaredType: string; bytes: Buffer }) {
  if (file.bytes.length === 0) throw new AppError('request.invalid', 'The file is empty', { fields: { file: ['empty'] } });
  if (file.bytes.length > WEBCHAT_UPLOAD_MAX_BYTES) throw new AppError('request.too_large', `Files are limited to ${WEBCHAT_UPLOAD_MAX_BYTES / 1024 / 1024} MB`);
  const type = sniffUploadType(file.bytes);
  if (!type || type !== file.declaredType.split(';')[0]!.trim().toLowerCase()) {
    throw new AppError('request.unsupported_media_type', 'Only images (PNG, JPEG, GIF, WebP) and PDF files, whose content matches their type');
  }
  const now = deps.clock.now();
  const id = newId(now);
  const key = newSecret(18);
  const name = [...file.name].map((char) => (char < ' ' || '"\\/'.includes(char) ? '_' : char)).join('').slice(0, 120) || 'fichier';
  await deps.db.insertInto('webchat_uploads').values({
    workspace_id: channel.workspaceId, id, channel_id: channel.channelId, visitor_id: visitorId, access_key: key, name, content_type: type,
    size: file.bytes.length, data: file.bytes.toString('base64'), created_at: now,
  }).execute();
  return { id, key, name, type, kind: type.startsWith('image/') ? 'image' as const : 'file' as const, path: `/widget/files/${id}/${key}` };
}

/** A stored attachment by its capability path, or `request.not_found`. */
export async function readVisitorUpload(db: Db, id: string, key: string) {
  const row = await db.selectFrom('webchat_uploads').select(['access_key', 'name', 'content_type', 'data']).where('id', '=', id).executeTakeFirst();
  if (!row || !safeEqual(row.access_key, key)) throw new AppError('request.not_found', 'No such file');
  return { name: row.name, contentType: row.content_type, bytes: Buffer.from(row.data, 'base64') };
}

/** Whether attachments named in a message are this visitor's own uploads on this channel. */
export async function ownUploads(db: Db, channel: WebchatChannel, visitorId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('webchat_uploads').select(['id', 'access_key', 'name', 'content_type']).where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId).where('visitor_id', '=', visitorId).where('id', 'in', ids).execute();
  if (rows.length !== new Set(ids).size) throw new AppError('request.invalid', 'Unknown attachment', { fields: { attachments: ['not an upload of yours'] } });
  return rows.map((row) => ({ type: row.content_type.startsWith('image/') ? 'image' as const : 'file' as const, name: row.name, path: `/widget/files/${row.id}/${row.access_key}` }));
}
