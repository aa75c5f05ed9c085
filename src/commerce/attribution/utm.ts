/** utm_source values (and their spellings) that mean a social network. */
const SOCIAL_SOURCES: Record<string, string> = {
  facebook: 'facebook', fb: 'facebook', 'facebook.com': 'facebook', messenger: 'facebook',
  instagram: 'instagram', ig: 'instagram', 'instagram.com': 'instagram',
  twitter: 'x', x: 'x', 'x.com': 'x', 't.co': 'x',
  pinterest: 'pinterest', 'pinterest.com': 'pinterest', 'pin.it': 'pinterest',
};

/** Which Relais channel kind carries each social source. */
export const channelKindOfSource: Record<string, string> = { facebook: 'meta', instagram: 'meta', x: 'x', pinterest: 'pinterest' };

export interface UtmTags {
  source: string; // normalised: 'facebook', 'instagram', 'x'
  rawSource: string;
  medium: string | null;
  campaign: string | null;
  /** `utm_content`: Relais puts the post id there. */
  content: string | null;
  from: 'landing_site' | 'referring_site';
}

function tagsOf(value: string | null): URLSearchParams | null {
  if (!value) return null;
  try {
    return new URL(value, 'https://shop.invalid').searchParams;
  } catch {
    return null;
  }
}

/**
 * The social utm tags of an order, from its landing page first, then its referrer.
 *
 * @example socialUtm('/products/bague?utm_source=Facebook&utm_medium=social', null) // { source: 'facebook', … }
 */
export function socialUtm(landingSite: string | null, referringSite: string | null): UtmTags | null {
  for (const [from, value] of [['landing_site', landingSite], ['referring_site', referringSite]] as const) {
    const tags = tagsOf(value);
    const raw = tags?.get('utm_source')?.trim().toLowerCase();
    const source = raw ? SOCIAL_SOURCES[raw] : undefined;
    if (tags && raw && source) return { source, rawSource: raw, medium: tags.get('utm_medium'), campaign: tags.get('utm_campaign'), content: tags.get('utm_content'), from };
  }
  return null;
}
