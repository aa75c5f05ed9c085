/** Only http(s) links from customer content are followed; `javascript:`, `data:` and the rest are not. */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function isImage(type: string): boolean {
  return type === 'image' || type.startsWith('image/') || type === 'photo' || type === 'sticker';
}
