// sharp, loaded on first use. Importing it loads libvips, which costs more start-up time than any other module: the
// site starts serving without it, and the first upload or variant job pays once.

import type sharpModule from 'sharp'

type Sharp = typeof sharpModule

let loading: Promise<Sharp> | null = null

/** The sharp function; the first call loads the library and sets it to one image at a time per process. */
export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // Variants are background work, and pages must keep the other core.
    sharp.concurrency(1)
    // libvips' operation cache keeps recent images and their pixels (up to 50 MB, 20 files) for a repeat that never
    // comes here: every image is decoded once per variant and then written away.
    sharp.cache(false)
    return sharp
  })
  return loading
}
