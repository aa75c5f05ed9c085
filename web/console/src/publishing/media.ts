/** The media library's address on this origin (the stored URL may name the public host). */
export const mediaPath = (url: string) => {
  try {
    return new URL(url, location.origin).pathname;
  } catch {
    return url;
  }
};

/** Filled as the library loads, so previews find an image's address by its id. */
export const knownMedia = new Map<string, string>();
