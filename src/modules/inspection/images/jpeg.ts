// JPEG structure check without decoding: the marker segments are walked from SOI to the first scan
// (SOS), the frame header (SOF) giving the size — checked against the pixel limit as soon as it is
// read — and an end-of-image marker (EOI) must follow the scan: a file cut short has none, since the
// entropy-coded data cannot contain FF D9. Whether libvips can decode the coding process used is
// left to sharp's header read (see validate.ts).
import type { FileHandle } from 'node:fs/promises';
import { badRequest } from '../../../platform/http/errors.ts';
import { checkPixels } from './pixel-limit.ts';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
/** Markers without a length: TEM, RST0–7, SOI. */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, SOI]);
/** SOF0–15 except DHT (C4), JPG (C8) and DAC (CC). */
const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** How far from the end of the file the EOI marker may sit (trailers some cameras append). */
const TAIL = 64 * 1024;

const truncated = (why: string) => badRequest(`Truncated JPEG: ${why}`);
const corrupt = (why: string) => badRequest(`Corrupt JPEG: ${why}`);

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

export interface JpegFrame {
  width: number;
  height: number;
  components: number;
  precision: number;
}

/** Walks the JPEG open in `fh` (SOI already sniffed); throws AppError 400 / 413. */
export async function checkJpeg(fh: FileHandle, size: number, maxPixels: number): Promise<JpegFrame> {
  let pos = 2;
  let frame: JpegFrame | undefined;
  for (;;) {
    const head = await readAt(fh, pos, 4);
    if (head.length < 2) throw truncated('the file ends before the image data');
    if (head[0] !== 0xff) throw corrupt(`no marker at byte ${pos}`);
    const marker = head[1] as number;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (STANDALONE.has(marker)) {
      pos += 2;
      continue;
    }
    if (marker === EOI) throw corrupt('end of image before any image data');
    if (head.length < 4) throw truncated('the file ends inside a marker segment');
    const length = head.readUInt16BE(2);
    if (length < 2) throw corrupt(`bad segment length at byte ${pos}`);
    if (pos + 2 + length > size) throw truncated('the file ends inside a marker segment');
    if (isFrameHeader(marker)) {
      const sof = await readAt(fh, pos + 4, 6);
      if (length < 8 || sof.length < 6) throw corrupt('frame header too short');
      frame = {
        precision: sof[0] as number,
        height: sof.readUInt16BE(1),
        width: sof.readUInt16BE(3),
        components: sof[5] as number,
      };
      if (frame.width === 0 || frame.height === 0)
        throw corrupt(`impossible size ${frame.width} × ${frame.height}`);
      checkPixels(frame.width, frame.height, maxPixels);
    }
    if (marker === SOS) break;
    pos += 2 + length;
  }
  if (!frame) throw corrupt('image data before any frame header');
  const from = Math.max(pos, size - TAIL);
  const tail = await readAt(fh, from, size - from);
  if (tail.lastIndexOf(Buffer.from([0xff, EOI])) < 0) throw truncated('no end-of-image marker');
  return frame;
}
