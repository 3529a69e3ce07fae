// The pixel limit every format is held to, checked from the header before any decoding.
import { AppError } from '../../../platform/http/errors.ts';

export function checkPixels(width: number, height: number, maxPixels: number): void {
  if (width * height <= maxPixels) return;
  throw new AppError(
    'payload_too_large',
    `The image is ${width} × ${height} = ${(width * height).toLocaleString('en-US')} pixels, ` +
      `more than the limit of ${maxPixels.toLocaleString('en-US')} pixels`,
  );
}
