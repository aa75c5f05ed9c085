// The site-chat endpoints of docs/api.md ("Site chat").
import { request } from './client.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export interface WebchatVisitor {
  id: string;
  identityStatus: 'anonymous' | 'unverified' | 'verified';
  email: string | null;
  name: string | null;
  customerId: string | null;
  visitorReadAt: number | null;
  agentReadAt: number | null;
}

export interface WebchatSettings {
  allowedOrigins: string[];
  primaryColor: string;
  textColor: string;
  greeting: { fr: string; en: string };
  position: 'right' | 'left';
  language: 'auto' | 'fr' | 'en';
  businessHours: unknown;
}

export interface WebchatChannelView {
  id: string;
  name: string;
  settings: WebchatSettings;
  identifySecret: string | null;
  /** While a rotation's grace period runs: until when the previous secret still verifies. */
  previousSecretAcceptedUntil: number | null;
  snippet: string;
}

export const getWebchatVisitor = (conversationId: string) => request<{ visitor: WebchatVisitor | null }>('GET', `${v1}/conversations/${id(conversationId)}/webchat`);
export const addWebchatChannel = (input: { allowedOrigins: string[]; name?: string }) => request<{ id: string }>('POST', `${v1}/channels/webchat`, input);
export const getWebchatChannel = (channelId: string) => request<WebchatChannelView>('GET', `${v1}/channels/${id(channelId)}/webchat`);
export const rotateIdentifySecret = (channelId: string, graceHours: number) =>
  request<{ identifySecret: string; previousSecretAcceptedUntil: number | null }>('POST', `${v1}/channels/${id(channelId)}/webchat/identify-secret`, { graceHours });
export const saveWebchatChannel = (channelId: string, settings: WebchatSettings) => request<{ settings: WebchatSettings }>('PATCH', `${v1}/channels/${id(channelId)}/webchat`, settings);
