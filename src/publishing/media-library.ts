import { createHash } from 'node:crypto';
import { AppError, newId, newSecret, safeEqual } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { PublishingDeps } from './deps.ts';
import { stripJpegMetadata, stripPngMetadata, UnreadableImage } from './strip-metadata.ts';

/** Instagram's cap for a feed image is 8 MB; the library keeps to it for every network. */
export const MEDIA_MAX_BYTES = 8 * 1024 * 1024;

const kinds: { type: string; test: (b: Buffer) => boolean; strip: (b: Buffer) => Buffer }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, strip: stripJpegMetadata },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), strip: stripPngMetadata },
];

export interface MediaView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
  createdAt: number;
}

/**
 * Adds an image to the workspace's library: its type is read from its bytes (never from the
 * name or the declared type alone), its size capped, its metadata stripped (EXIF positions and
 * devices are personal data). The same bytes uploaded twice are one entry.
 */
export async function uploadMedia(deps: Pick<PublishingDeps, 'db' | 'clock' | 'publicUrl'>, workspaceId: string, userId: string, file: { name: string; bytes: Buffer }): Promise<MediaView> {
  if (file.bytes.length === 0) throw new AppError('request.invalid', 'The file is empty', { fields: { file: ['empty'] } });
  if (file.bytes.length > MEDIA_MAX_BYTES) throw new AppError('request.too_large', `Images are limited to ${MEDIA_MAX_BYTES / 1024 / 1024} MB`);
  const kind = kinds.find((k) => k.test(file.bytes));
  if (!kind) throw new AppError('request.unsupported_media_type', 'Only JPEG and PNG images (Instagram publishes JPEG only)');
  let clean: Buffer;
  try {
    clean = kind.strip(file.bytes);
  } catch (error) {
    if (error instanceof UnreadableImage) throw new AppError('request.unsupported_media_type', `This image cannot be read: ${error.message}`);
    throw error;
  }
  const sha256 = createHash('sha256').update(clean).digest('hex');
  const existing = await deps.db.selectFrom('pub_media').select(['id', 'name', 'content_type', 'size', 'access_key', 'created_at'])
    .where('workspace_id', '=', workspaceId).where('sha256', '=', sha256).executeTakeFirst();
  if (existing) return view(deps, workspaceId, existing);
  const now = deps.clock.now();
  const row = {
    workspace_id: workspaceId, id: newId(now), access_key: newSecret(18), name: cleanName(file.name), content_type: kind.type, size: clean.length,
    sha256, data: clean.toString('base64'), created_by: userId, created_at: now,
  };
  await deps.db.insertInto('pub_media').values(row).execute();
  return view(deps, workspaceId, row);
}

export async function listMedia(deps: Pick<PublishingDeps, 'db' | 'publicUrl'>, workspaceId: string): Promise<MediaView[]> {
  const rows = await deps.db.selectFrom('pub_media').select(['id', 'name', 'content_type', 'size', 'access_key', 'created_at'])
    .where('workspace_id', '=', workspaceId).orderBy('id', 'desc').limit(200).execute();
  return rows.map((row) => view(deps, workspaceId, row));
}

/** The image at its capability URL (unguessable key), for the platforms and the console. */
export async function readMedia(db: Db, workspaceId: string, id: string, key: string): Promise<{ contentType: string; bytes: Buffer }> {
  const row = await db.selectFrom('pub_media').select(['access_key', 'content_type', 'data']).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row || !safeEqual(row.access_key, key)) throw new AppError('media.not_found', 'No such image');
  return { contentType: row.content_type, bytes: Buffer.from(row.data, 'base64') };
}

/** Public URLs of a version's media, in order; unknown ids are refused. */
export async function mediaUrls(deps: Pick<PublishingDeps, 'db' | 'publicUrl'>, workspaceId: string, ids: string[]): Promise<{ urls: string[]; types: string[] }> {
  if (ids.length === 0) return { urls: [], types: [] };
  const rows = await deps.db.selectFrom('pub_media').select(['id', 'name', 'content_type', 'size', 'access_key', 'created_at']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new AppError('media.not_found', `Unknown image ${missing[0]}`);
  return { urls: ids.map((id) => view(deps, workspaceId, byId.get(id)!).url), types: ids.map((id) => byId.get(id)!.content_type) };
}

function view(deps: Pick<PublishingDeps, 'publicUrl'>, workspaceId: string, row: { id: string; name: string; content_type: string; size: number; access_key: string; created_at: number }): MediaView {
  const ext = row.content_type === 'image/png' ? 'png' : 'jpg';
  return {
    id: row.id, name: row.name, contentType: row.content_type, size: row.size, createdAt: Number(row.created_at),
    url: `${deps.publicUrl().replace(/\/+$/, '')}/media/p/${workspaceId}/${row.id}/${row.access_key}.${ext}`,
  };
}

const cleanName = (name: string) => [...name].map((c) => (c < ' ' || '"\\/<>'.includes(c) ? '_' : c)).join('').slice(0, 120) || 'image';

