/**
 * What a rule can see about one event: plain data gathered by the caller (the job that runs
 * rules, or a dry-run over stored messages), so evaluation stays pure and replayable.
 */
import type { Intent, Language, Sentiment } from '../../insight/index.ts';
import type { BusinessHours } from '../business-hours.ts';

export type Visibility = 'public' | 'private';

export interface Facts {
  /** The channel's kind, e.g. 'meta', 'x' (strings, so a new channel needs no rules change). */
  channelKind: string;
  /** Where on the channel, e.g. 'facebook_comment', 'instagram_dm', 'x_mention'. */
  surface: string;
  visibility: Visibility;
  text: string;
  language: Language;
  sentiment: Sentiment;
  intents: Intent[];
  /** Labels already on the conversation. */
  labels: string[];
  /** The event's instant, epoch milliseconds. */
  at: number;
  /** The hours that apply to this channel; the caller resolves workspace vs channel. */
  hours: BusinessHours;
  contact: { hasOrder: boolean; hasOpenCart: boolean };
}
