// The background plane under an indication (blobs.ts): v = a + b·x + c·y fitted by least squares
// to the pixels of a ring around it, so a pore on a slope is measured against the slope it sits
// on, not against one level. (A quadratic, for the curved flank of a boss, was tried as well: on
// rings of a few pixels it bends with the noise and let more false indications through than it
// found pores.)

export interface Plane {
  a: number;
  b: number;
  c: number;
}

export const planeAt = (p: Plane, x: number, y: number) => p.a + p.b * x + p.c * y;

/**
 * The least-squares plane through the points i with use(i); a level when the points lie on one
 * line. Undefined with fewer than 3 points.
 */
export function fitPlane(
  xs: number[],
  ys: number[],
  vs: number[],
  use: (i: number) => boolean = () => true,
): Plane | undefined {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sv = 0;
  for (let i = 0; i < vs.length; i++)
    if (use(i)) {
      n++;
      sx += xs[i] as number;
      sy += ys[i] as number;
      sv += vs[i] as number;
    }
  if (n < 3) return undefined;
  const mx = sx / n;
  const my = sy / n;
  const mv = sv / n;
  // Centred sums, then the two slopes by Cramer's rule.
  let cxx = 0;
  let cyy = 0;
  let cxy = 0;
  let cxv = 0;
  let cyv = 0;
  for (let i = 0; i < vs.length; i++) {
    if (!use(i)) continue;
    const x = (xs[i] as number) - mx;
    const y = (ys[i] as number) - my;
    const v = (vs[i] as number) - mv;
    cxx += x * x;
    cyy += y * y;
    cxy += x * y;
    cxv += x * v;
    cyv += y * v;
  }
  const det = cxx * cyy - cxy * cxy;
  if (!(det > 1e-9 * Math.max(1, cxx * cyy))) return { a: mv, b: 0, c: 0 };
  const b = (cxv * cyy - cyv * cxy) / det;
  const c = (cyv * cxx - cxv * cxy) / det;
  return { a: mv - b * mx - c * my, b, c };
}
