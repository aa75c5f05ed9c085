import { useEffect, useState } from 'react';
import { coachApi, validatePostApi, type CoachWarning, type NetworkResult, type PublishNetwork } from '../api/publishing.ts';

/** What the composer checks: each chosen network with the text it will carry. */
export interface DraftForChecks {
  networks: PublishNetwork[];
  textOf: (network: PublishNetwork) => string;
  mediaIds: string[];
  link: string | null;
  title: string | null;
  boardId: string | null;
  facebookChannelId: string | undefined;
  /** Local `YYYY-MM-DDTHH:mm` in the workspace's zone, or '' when not chosen yet. */
  at: string;
  postId: string | undefined;
}

const DEBOUNCE_MS = 300;

/**
 * Live checks as the author types, debounced: the server's per-network validation (X's
 * weighted length with twitter-text, Instagram's media, Pinterest's board…), one call per
 * distinct text, and the coach's warnings for the chosen time. A newer draft discards the
 * answers of an older one.
 */
export function usePostChecks(draft: DraftForChecks): { results: Partial<Record<PublishNetwork, NetworkResult>>; warnings: CoachWarning[]; checking: boolean } {
  const [results, setResults] = useState<Partial<Record<PublishNetwork, NetworkResult>>>({});
  const [warnings, setWarnings] = useState<CoachWarning[]>([]);
  const [checking, setChecking] = useState(false);
  const key = JSON.stringify({ ...draft, textOf: draft.networks.map((n) => draft.textOf(n)) });

  useEffect(() => {
    let current = true;
    setChecking(true);
    const timer = setTimeout(() => {
      const groups = new Map<string, PublishNetwork[]>();
      for (const network of draft.networks) groups.set(draft.textOf(network), [...(groups.get(draft.textOf(network)) ?? []), network]);
      const validations = [...groups].map(([text, networks]) => validatePostApi({
        networks, text, media: draft.mediaIds, link: draft.link, title: draft.title, boardId: draft.boardId,
        ...(networks.includes('facebook') && draft.facebookChannelId ? { channelId: draft.facebookChannelId } : {}),
      }));
      const coach = draft.at ? draft.networks.map((network) => coachApi({ network, at: draft.at, text: draft.textOf(network), ...(draft.postId ? { postId: draft.postId } : {}) })) : [];
      void Promise.allSettled([Promise.all(validations), Promise.all(coach)]).then(([checked, coached]) => {
        if (!current) return;
        if (checked.status === 'fulfilled') setResults(Object.assign({}, ...checked.value.map((answer) => answer.results)) as Partial<Record<PublishNetwork, NetworkResult>>);
        setWarnings(coached.status === 'fulfilled' ? coached.value.flatMap((answer) => answer.warnings) : []);
        setChecking(false);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The key holds every input of the checks; draft.textOf is a fresh closure each render.
  }, [key]);

  return { results, warnings, checking };
}
