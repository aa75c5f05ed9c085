import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import { stripJpegMetadata } from './strip-metadata.ts';

/** A JPEG whose EXIF names the camera and the GPS latitude, plus a comment and XMP. */
export function jpegWithExif(): Buffer {
  const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');
  // TIFF, little endian: IFD0 with Make and a GPS IFD pointer; the GPS IFD holds GPSLatitudeRef.
  const make = ascii('Canon');
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4 + make.length);
  tiff.write('II', 0, 'latin1'); tiff.writeUInt16LE(42, 2); tiff.writeUInt32LE(8, 4);
  let at = 8;
  tiff.writeUInt16LE(2, at); at += 2;
  const gpsIfd = 8 + 2 + 24 + 4;
  const makeAt = gpsIfd + 2 + 12 + 4;
  tiff.writeUInt16LE(0x010f, at); tiff.writeUInt16LE(2, at + 2); tiff.writeUInt32LE(make.length, at + 4); tiff.writeUInt32LE(makeAt, at + 8); at += 12;
  tiff.writeUInt16LE(0x8825, at); tiff.writeUInt16LE(4, at + 2); tiff.writeUInt32LE(1, at + 4); tiff.writeUInt32LE(gpsIfd, at + 8); at += 12;
  tiff.writeUInt32LE(0, at); at += 4;
  tiff.writeUInt16LE(1, at); at += 2;
  tiff.writeUInt16LE(0x0001, at); tiff.writeUInt16LE(2, at + 2); tiff.writeUInt32LE(2, at + 4); tiff.write('N\0', at + 8, 'latin1'); at += 12;
  tiff.writeUInt32LE(0, at); at += 4;
  make.copy(tiff, at);
  const segment = (marker: number, payload: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.concat([Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])])),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])),
    segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Léa à Lyon</x:xmpmeta>', 'utf8')),
    segment(0xfe, Buffer.from('shot at 12 rue des Lilas', 'latin1')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]),
  ]);
}

function pngWithText(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    chunk('tEXt', Buffer.from('Author\0Léa Martin', 'latin1')),
    chunk('IDAT', Buffer.from([1, 2, 3])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the media library', () => {
  let relais: TestRelais;
  let owner: Browser;
  beforeAll(async () => {
    relais = await startTestRelais('sqlite');
    relais.clock.set(Date.now());
    owner = await setUpOwner(relais.app);
  });
  afterAll(async () => { await relais?.dispose(); });

  const upload = (bytes: Buffer, type: string) => owner.request('POST', '/api/v1/media', bytes as unknown as string, { headers: { 'content-type': type, 'x-file-name': 'bague%20lune.jpg' } });

  it('stores a JPEG without its EXIF (camera, GPS), XMP and comments, and serves it to platforms', async () => {
    const original = jpegWithExif();
    expect(await exifr.parse(original, { gps: true, xmp: true })).toMatchObject({ Make: 'Canon', GPSLatitudeRef: 'N' });
    const reply = await upload(original, 'image/jpeg');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ name: 'bague lune.jpg', contentType: 'image/jpeg' });
    const served = await relais.app.inject({ method: 'GET', url: new URL(reply.body.url as string).pathname });
    expect(served.statusCode).toBe(200);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-type']).toBe('image/jpeg');
    const bytes = served.rawPayload;
    expect(await exifr.parse(bytes, { gps: true, xmp: true }).catch(() => undefined)).toBeUndefined();
    expect(bytes.includes(Buffer.from('Canon'))).toBe(false);
    expect(bytes.includes(Buffer.from('rue des Lilas'))).toBe(false);
    expect(bytes.includes(Buffer.from('Lyon'))).toBe(false);
    // The picture itself is untouched: JFIF header, tables and scan data, byte for byte.
    expect(bytes.subarray(bytes.indexOf(Buffer.from([0xff, 0xdb])))).toEqual(original.subarray(original.indexOf(Buffer.from([0xff, 0xdb]))));
    expect(bytes.subarray(0, 6)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));
    // The same picture again is the same library entry; a wrong key finds nothing.
    expect((await upload(original, 'image/jpeg')).body.id).toBe(reply.body.id);
    expect((await relais.app.inject({ method: 'GET', url: new URL(reply.body.url as string).pathname.replace(/\/[^/]+$/, '/wrongkey.jpg') })).statusCode).toBe(404);
    expect((await owner.get('/api/v1/media')).body.media).toHaveLength(1);
  });

  it('strips a PNG\'s text chunks and keeps its image chunks', async () => {
    const reply = await upload(pngWithText(), 'image/png');
    expect(reply.status).toBe(201);
    const served = (await relais.app.inject({ method: 'GET', url: new URL(reply.body.url as string).pathname })).rawPayload;
    expect(served.includes(Buffer.from('tEXt'))).toBe(false);
    expect(served.includes(Buffer.from('IDAT'))).toBe(true);
  });

  it('reads the type from the bytes and caps the size', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    const refused = await upload(gif, 'image/jpeg');
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('request.unsupported_media_type');
    const html = await upload(Buffer.from('<html><script>alert(1)</script>'), 'image/png');
    expect(html.status).toBe(415);
    const huge = Buffer.concat([jpegWithExif().subarray(0, 2), Buffer.alloc(8 * 1024 * 1024 + 10)]);
    expect((await upload(huge, 'image/jpeg')).status).toBe(413);
    expect((await upload(Buffer.alloc(0), 'image/jpeg')).status).toBe(400);
    expect(() => stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toThrow();
  });
});
