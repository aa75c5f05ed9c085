import { AppError } from '../kernel/index.ts';
import type { ChannelProvider } from './provider.ts';

export interface ChannelRegistry {
  get(provider: string): ChannelProvider | undefined;
  require(provider: string): ChannelProvider;
  list(): ChannelProvider[];
}

/** The providers this installation runs; adding one is one line in the composition root. */
export function createChannelRegistry(providers: ChannelProvider[]): ChannelRegistry {
  const byName = new Map(providers.map((provider) => [provider.provider, provider]));
  return {
    get: (name) => byName.get(name),
    require(name) {
      const provider = byName.get(name);
      if (!provider) throw new AppError('channel.not_found', `No channel provider "${name}"`);
      return provider;
    },
    list: () => [...byName.values()],
  };
}
