// The site-chat endpoints of docs/api.md ("Site chat").
import { request } from './client.ts';
import type { WebchatChannelView, WebchatSettings, WebchatVisitor } from '../../../../src/contracts/index.ts';

export type { WebchatChannelView, WebchatSettings, WebchatVisitor };

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const getWebchatVisitor = (conversationId: string) => request<{ visitor: WebchatVisitor | null }>('GET', `${v1}/conversations/${id(conversationId)}/webchat`);
export const addWebchatChannel = (input: { allowedOrigins: string[]; name?: string }) => request<{ id: string }>('POST', `${v1}/channels/webchat`, input);
export const getWebchatChannel = (channelId: string) => request<WebchatChannelView>('GET', `${v1}/channels/${id(channelId)}/webchat`);
export const rotateIdentifySecret = (channelId: string, graceHours: number) =>
  request<{ identifySecret: string; previousSecretAcceptedUntil: number | null }>('POST', `${v1}/channels/${id(channelId)}/webchat/identify-secret`, { graceHours });
export const saveWebchatChannel = (channelId: string, settings: WebchatSettings) => request<{ settings: WebchatSettings }>('PATCH', `${v1}/channels/${id(channelId)}/webchat`, settings);
