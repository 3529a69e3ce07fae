// sharp (libvips) is loaded on first use, not with the app: loading it (its native library and the
// checks around it) is a noticeable part of every start, and of every test process, while most
// processes never touch an image. The first image pays for it once.
import type SharpModule from 'sharp';

export type SharpFactory = typeof SharpModule;

let loading: Promise<SharpFactory> | undefined;

/** sharp's factory function, loaded once. */
export function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
