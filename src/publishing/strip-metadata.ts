/**
 * Removes what a camera or an editor writes beside the picture — EXIF (GPS position, device,
 * dates), XMP, IPTC, comments, thumbnails — without decoding or re-encoding the image, so
 * nothing of its quality changes. JPEG: every APPn segment but JFIF (APP0), the ICC colour
 * profile (APP2 "ICC_PROFILE") and Adobe's colour-transform marker (APP14), plus COM; PNG:
 * the text, time and EXIF chunks. Anything malformed is refused rather than passed through.
 */
export class UnreadableImage extends Error {}

const JPEG_KEEP_APP = (marker: number, payload: Buffer) =>
  (marker === 0xe0 && payload.subarray(0, 5).toString('latin1') === 'JFIF\0')
  || (marker === 0xe2 && payload.subarray(0, 12).toString('latin1') === 'ICC_PROFILE\0')
  || (marker === 0xee && payload.subarray(0, 5).toString('latin1') === 'Adobe');

export function stripJpegMetadata(bytes: Buffer): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new UnreadableImage('not a JPEG');
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new UnreadableImage(`expected a marker at byte ${at}`);
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd9) { parts.push(bytes.subarray(at, at + 2)); return Buffer.concat(parts); }
    if (marker >= 0xd0 && marker <= 0xd7) throw new UnreadableImage('restart marker outside scan data');
    if (at + 4 > bytes.length) throw new UnreadableImage('truncated segment');
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) throw new UnreadableImage('segment longer than the file');
    const segment = bytes.subarray(at, at + 2 + length);
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data and everything after it is the picture itself.
      parts.push(bytes.subarray(at));
      return Buffer.concat(parts);
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = marker === 0xfe || (isApp && !JPEG_KEEP_APP(marker, segment.subarray(4)));
    if (!drop) parts.push(segment);
    at += 2 + length;
  }
  throw new UnreadableImage('no image data');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

export function stripPngMetadata(bytes: Buffer): Buffer {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new UnreadableImage('not a PNG');
  const parts: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > bytes.length) throw new UnreadableImage('chunk longer than the file');
    if (!PNG_DROP.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  throw new UnreadableImage('no IEND chunk');
}
