// Responsive variants with sharp: 480, 960 and 1600 px wide, never upscaled, in WebP and the original's format.

import { loadSharp } from './sharp.ts'
import { decodeOptions } from './limits.ts'
import { decodeSlot } from './decode-slots.ts'
import type { ImageFormat } from './sniff.ts'

/** Widths a variant is made at, when the original is wider. */
export const VARIANT_WIDTHS: readonly number[] = [480, 960, 1600]

export type VariantFormat = 'webp' | 'jpeg' | 'png' | 'gif'

export interface VariantPlan {
  readonly width: number
  readonly format: VariantFormat
}

export interface RenderedVariant extends VariantPlan {
  readonly height: number
  readonly data: Buffer
}

/**
 * Which variants an original gets. Each width below the original's; when the original is narrower than 1600 px, also
 * one at its own width, so the largest candidate is never blurrier than the original.
 * WebP for every original. The original's format too, except for WebP (already done) and AVIF: encoding AVIF costs
 * about ten times WebP's CPU, and every browser without AVIF has WebP, so an AVIF original gets WebP variants only
 * and stays itself the `<img>` fallback.
 */
export function planVariants(format: ImageFormat, width: number): VariantPlan[] {
  const widths = VARIANT_WIDTHS.filter((w) => w < width)
  const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!
  if (width < largest) widths.push(width)
  const formats: VariantFormat[] = format === 'webp' || format === 'avif' ? ['webp'] : ['webp', format]
  return formats.flatMap((f) => widths.map((w) => ({ width: w, format: f })))
}

/** Encodes one variant; `pages` > 1 keeps a GIF or WebP animated (in GIF and in WebP). */
export async function renderVariant(original: Buffer, source: { format: ImageFormat; pages: number }, plan: VariantPlan): Promise<RenderedVariant> {
  const sharp = await loadSharp()
  let img = sharp(original, decodeOptions(source.format, source.pages)).autoOrient()
    .resize({ width: plan.width, withoutEnlargement: true })
  if (plan.format === 'webp') img = img.webp({ quality: 80, effort: 4 })
  else if (plan.format === 'jpeg') img = img.jpeg({ quality: 82, mozjpeg: true })
  else if (plan.format === 'png') img = img.png({ compressionLevel: 9 })
  else img = img.gif()
  const { data, info } = await decodeSlot.run(() => img.toBuffer({ resolveWithObject: true }))
  return { ...plan, width: info.width, height: info.pageHeight ?? info.height, data }
}

/** The stored path of a variant: the original's path without its extension, then `-<width>w.<ext>`. */
export function variantPath(originalPath: string, plan: VariantPlan): string {
  const dot = originalPath.lastIndexOf('.')
  const stem = dot > originalPath.lastIndexOf('/') ? originalPath.slice(0, dot) : originalPath
  return `${stem}-${plan.width}w.${plan.format === 'jpeg' ? 'jpg' : plan.format}`
}
