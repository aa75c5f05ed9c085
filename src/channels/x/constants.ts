/** Where X's API lives; a channel's `apiBase` setting points elsewhere (the sandbox) in tests. */
export const X_DEFAULT_API_BASE = 'https://api.x.com';
/** Weighted length of a post (PLATFORMS.md §2.6). */
export const X_MAX_POST_WEIGHT = 280;
/** Characters in a DM: Twitter's historic `dm_text_character_limit` (§2.4, marked verify). */
export const X_MAX_DM_CHARACTERS = 10_000;
