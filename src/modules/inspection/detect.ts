// The built-in detector on a stored image: decoded here (sharp works off the event loop), judged
// in a compute worker thread, its blobs turned into defects with sizes in mm.
import type { Compute } from '../../platform/compute/compute.ts';
import { equivalentDiameter, type PlacedDefect } from './defect-geometry.ts';
import { DETECT_TASK } from './engine/detect.task.ts';
import { decodeGray, type ImageInfo } from './images/validate.ts';

export async function detectImage(
  compute: Pick<Compute, 'run'>,
  path: string,
  info: ImageInfo,
  mmPerPixel: number,
  options: Record<string, unknown> = {},
): Promise<PlacedDefect[]> {
  const gray = await decodeGray(path, info);
  const pixels = gray.data.buffer.slice(
    gray.data.byteOffset,
    gray.data.byteOffset + gray.data.byteLength,
  ) as ArrayBuffer;
  const found = await compute.run(DETECT_TASK, {
    width: gray.width,
    height: gray.height,
    bitDepth: gray.bitDepth,
    pixels,
    options,
  });
  return found.map((d) => ({
    cx: d.cx,
    cy: d.cy,
    bbox: d.bbox,
    areaPx: d.areaPx,
    type: 'porosity' as const,
    confidence: Math.min(1, Math.max(0, d.confidence)),
    diameterMm: equivalentDiameter(d.areaPx) * mmPerPixel,
    areaMm2: d.areaPx * mmPerPixel * mmPerPixel,
  }));
}
