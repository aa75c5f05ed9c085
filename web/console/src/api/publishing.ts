/**
 * Publishing: posts, their validation and review, the calendar, the media library and the
 * coach. Response types come from the server's own use-cases (type-only imports).
 */
import type {
  BestTimes, CalendarPost, CoachWarning, MediaView, NetworkResult, postInput, postPatch, PostView, PublishingSettings, PublishNetwork, VersionView,
} from '../../../../src/publishing/index.ts';
import type { z } from 'zod';
import { ApiError, csrfCookie, request } from './client.ts';

const v1 = '/api/v1';
const id = encodeURIComponent;

export type { BestTimes, CalendarPost, CoachWarning, MediaView, NetworkResult, PostView, PublishingSettings, PublishNetwork, VersionView };
/** What the composer sends: the schemas' input, before the server fills its defaults. */
export type NewPost = z.input<typeof postInput>;
export type PostChange = z.input<typeof postPatch>;
export type PostStatus = PostView['status'];
export interface CalendarFilter { network?: PublishNetwork | ''; status?: PostStatus | '' }

const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

export const validatePostApi = (input: { networks: PublishNetwork[]; text: string; media: string[]; link: string | null; title: string | null; boardId: string | null; channelId?: string }) =>
  request<{ results: Partial<Record<PublishNetwork, NetworkResult>> }>('POST', `${v1}/posts/validate`, input);
export const coachApi = (input: { network: PublishNetwork; at: string; text: string; postId?: string }) => request<{ warnings: CoachWarning[] }>('POST', `${v1}/posts/coach`, input);
export const calendarApi = (from: string, to: string, filter: CalendarFilter) =>
  request<{ from: number; to: number; timezone: string; posts: CalendarPost[]; truncated: boolean }>('GET', `${v1}/posts/calendar${query({ from, to, network: filter.network || undefined, status: filter.status || undefined })}`);
export const listPostsApi = (filter: CalendarFilter & { before?: string }) =>
  request<{ posts: CalendarPost[]; next: string | null }>('GET', `${v1}/posts${query({ network: filter.network || undefined, status: filter.status || undefined, before: filter.before, limit: '50' })}`);
export const getPostApi = (postId: string) => request<PostView>('GET', `${v1}/posts/${id(postId)}`);
export const createPostApi = (input: NewPost) => request<PostView>('POST', `${v1}/posts`, input);
export const updatePostApi = (postId: string, patch: PostChange) => request<PostView>('PATCH', `${v1}/posts/${id(postId)}`, patch);
export const deletePostApi = (postId: string) => request<void>('DELETE', `${v1}/posts/${id(postId)}`);
export const schedulePostApi = (postId: string) => request<PostView>('POST', `${v1}/posts/${id(postId)}/schedule`);
export const approvePostApi = (postId: string) => request<PostView>('POST', `${v1}/posts/${id(postId)}/approve`);
export const sendBackPostApi = (postId: string, comment: string) => request<PostView>('POST', `${v1}/posts/${id(postId)}/send-back`, { comment });
export const bestTimesApi = (network: PublishNetwork) => request<BestTimes>('GET', `${v1}/publishing/best-times?network=${id(network)}`);
export const queueSlotApi = (network: PublishNetwork) => request<{ at: number; weekday: number; hour: number; local: string }>('POST', `${v1}/publishing/queue-slot`, { network });
export const publishingSettingsApi = () => request<PublishingSettings>('GET', `${v1}/publishing/settings`);
export const savePublishingSettingsApi = (input: { approvalRequired: boolean; rhythm: Partial<Record<PublishNetwork, number>> }) =>
  request<PublishingSettings>('PUT', `${v1}/publishing/settings`, input);
export const listMediaApi = () => request<{ media: MediaView[] }>('GET', `${v1}/media`);
export const boardsApi = (channelId: string) => request<{ boards: { id: string; name: string }[] }>('GET', `${v1}/publishing/pinterest/${id(channelId)}/boards`);

/** An image into the media library: the raw bytes, typed by the browser, named in a header. */
export async function uploadMediaApi(file: File): Promise<MediaView> {
  if (csrfCookie() === undefined) await request('GET', `${v1}/session`);
  const response = await fetch(`${v1}/media`, {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), 'x-csrf-token': csrfCookie() ?? '', accept: 'application/json', 'accept-language': document.documentElement.lang || 'fr' },
  });
  const body = await response.json().catch(() => undefined) as { error?: { code: string; message: string } } | MediaView | undefined;
  if (!response.ok) {
    const error = body && 'error' in body ? body.error : undefined;
    throw new ApiError(response.status, error?.code ?? 'response.invalid', error?.message ?? `HTTP ${response.status}`);
  }
  return body as MediaView;
}
