/**
 * Test support: Meta deliveries built and signed the way Meta sends them (non-ASCII as
 * \uXXXX, "/" as "\/"), for the pipeline tests that run without the sandbox server.
 */
import { signMetaBody } from './meta/signature.ts';

export function metaSerialize(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}

export function signedMetaRequest(payload: unknown, appSecret: string): { body: string; headers: Record<string, string> } {
  const body = metaSerialize(payload);
  return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(Buffer.from(body), appSecret) } };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export const meta = {
  comment(pageId: string, input: { commentId: string; postId: string; from: { id: string; name?: string }; message: string; at: number; parentId?: string; verb?: string; post?: { permalink_url?: string } }) {
    return {
      id: pageId, time: seconds(input.at),
      changes: [{ field: 'feed', value: {
        item: 'comment', verb: input.verb ?? 'add', comment_id: input.commentId, post_id: input.postId, parent_id: input.parentId ?? input.postId,
        from: input.from, created_time: seconds(input.at), message: input.message,
        ...(input.post ? { post: { id: input.postId, status_type: 'added_photos', is_published: true, updated_time: new Date(input.at).toISOString(), ...input.post } } : {}),
      } }],
    };
  },
  message(pageId: string, input: { psid: string; mid: string; text: string; at: number }) {
    return { id: pageId, time: input.at, messaging: [{ sender: { id: input.psid }, recipient: { id: pageId }, timestamp: input.at, message: { mid: input.mid, text: input.text } }] };
  },
  echo(pageId: string, input: { psid: string; mid: string; text: string; at: number; appId?: string; metadata?: string }) {
    return { id: pageId, time: input.at, messaging: [{ sender: { id: pageId }, recipient: { id: input.psid }, timestamp: input.at, message: {
      mid: input.mid, text: input.text, is_echo: true, ...(input.appId ? { app_id: Number(input.appId) } : {}), ...(input.metadata ? { metadata: input.metadata } : {}),
    } }] };
  },
  instagramDm(igId: string, input: { igsid: string; mid: string; text: string; at: number }) {
    return { id: igId, time: input.at, messaging: [{ sender: { id: input.igsid }, recipient: { id: igId }, timestamp: input.at, message: { mid: input.mid, text: input.text } }] };
  },
  page: (...entries: unknown[]) => ({ object: 'page', entry: entries }),
  instagram: (...entries: unknown[]) => ({ object: 'instagram', entry: entries }),
};
