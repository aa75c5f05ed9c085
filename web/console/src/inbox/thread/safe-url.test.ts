import { describe, expect, it } from 'vitest';
import { isImage, safeHttpUrl } from './safe-url.ts';

describe('links from customer content', () => {
  it('keeps http and https, refuses every other scheme and garbage', () => {
    expect(safeHttpUrl('https://scontent.xx.fbcdn.net/v/photo.jpg?x=1')).toBe('https://scontent.xx.fbcdn.net/v/photo.jpg?x=1');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBeUndefined();
    expect(safeHttpUrl('//evil.example/x')).toBeUndefined();
    expect(safeHttpUrl(null)).toBeUndefined();
  });

  it('recognises images by platform type or MIME type', () => {
    expect(['image', 'image/png', 'sticker', 'file', 'video', 'audio'].map(isImage)).toEqual([true, true, true, false, false, false]);
  });
});
