/**
 * What the platforms do with a post's image and its audience, shared by the Meta and Pinterest
 * sandboxes: they fetch the image from its public URL (a URL they cannot read, or that is not
 * an image, is refused), and engagement grows with the post's age.
 */
export interface FetchedImage {
  ok: boolean;
  type: 'image/jpeg' | 'image/png' | null;
  reason?: string;
}

export async function fetchImage(url: unknown): Promise<FetchedImage> {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return { ok: false, type: null, reason: 'not a web address' };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) return { ok: false, type: null, reason: `HTTP ${response.status}` };
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return { ok: true, type: 'image/jpeg' };
    if (bytes.subarray(1, 4).toString('latin1') === 'PNG') return { ok: true, type: 'image/png' };
    return { ok: false, type: null, reason: 'not an image' };
  } catch (error) {
    return { ok: false, type: null, reason: (error as Error).message };
  }
}

export interface Engagement {
  impressions: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  clicks: number;
}

/**
 * Figures of a post `ageMs` old: impressions grow like the square root of its age (fast at
 * first, then slower), the rest follow as shares of them; `boost` (default 1) scales a post a
 * test wants to do better. Deterministic, so tests can name the numbers.
 *
 * @example engagementAt(60 * 60_000) // { impressions: 309, likes: 25, … }
 */
export function engagementAt(ageMs: number, boost = 1): Engagement {
  const minutes = Math.max(0, ageMs / 60_000);
  const impressions = Math.floor(40 * Math.sqrt(minutes) * boost);
  return {
    impressions,
    likes: Math.floor(impressions / 12),
    comments: Math.floor(impressions / 60),
    shares: Math.floor(impressions / 90),
    saves: Math.floor(impressions / 70),
    clicks: Math.floor(impressions / 30),
  };
}
