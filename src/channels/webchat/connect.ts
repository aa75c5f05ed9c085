import { newSecret, parseInput } from '../../kernel/index.ts';
import type { ConnectSpec } from '../provider.ts';
import { webchatSettingsSchema } from './settings.ts';

/**
 * A new site chat: its allowed origins (`--allowed-origin`, comma-separated for several),
 * a public account id for routing, and the identify secret the shop's server signs with.
 */
export async function connectWebchat(flags: Record<string, string | undefined>): Promise<ConnectSpec> {
  const origins = (flags['allowed-origin'] ?? '').split(',').map((value) => value.trim()).filter(Boolean);
  const settings = parseInput(webchatSettingsSchema, { allowedOrigins: origins });
  const account = `wc_${newSecret(12)}`;
  const host = new URL(settings.allowedOrigins[0]!).host;
  return {
    name: flags.name?.trim() || `Chat ${host}`,
    externalId: account,
    accountIds: [account],
    apiBase: '',
    credentials: { identifySecret: newSecret(32) },
    settings,
  };
}
