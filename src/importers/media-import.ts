// The images of imported articles into the media library: each address fetched once (four at a time), the body and the
// hero pointed at the library's copy; an image that cannot be had is reported and left at its old address.

import { plainText } from '../content/excerpt.ts'
import { mediaUrl, type Media } from '../domain/media.ts'
import { isAppError } from '../errors.ts'
import type { ImportActor } from '../editorial/importing.ts'
import type { ImportArticle, ImportImage, ImportSource } from '../editorial/import-input.ts'
import type { MediaImporting } from '../editorial/import-media.ts'
import { listIn, type ImportReport } from './import-report.ts'
import { limiter, type FetchResult } from './media-fetch.ts'

export interface MediaImportOptions {
  readonly media: MediaImporting
  /** Gets an image's bytes (media-fetch.ts createImageSource). */
  readonly fetch: (url: string) => Promise<FetchResult>
  readonly actor: ImportActor
  /** The source, read when an image is stored (a WXR file names its site only once the channel is read). */
  readonly source: () => ImportSource
  readonly dryRun: boolean
  readonly report: ImportReport
  /** Images fetched at once (default 4). */
  readonly concurrency?: number
}

/** Articles whose images are being fetched while earlier ones wait to be written: enough to keep 4 fetches busy. */
export const LOOKAHEAD = 8

/** What an importer needs to bring images in: the use-case that stores them and the way to get their bytes. */
export interface MediaSetup {
  readonly media: MediaImporting
  readonly fetch: (url: string) => Promise<FetchResult>
}

// `<img … src="…">`: the addresses worth importing are absolute http(s) ones and the old site's upload folders.
const IMG_SRC = /(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2/gi
// The old site's resized copies of an image: gone once the image itself points at the library.
const SRCSET = /\s(?:srcset|sizes)\s*=\s*(?:"[^"]*"|'[^']*')/gi
const importable = (src: string) => /^https?:\/\//i.test(src) || /^\/(?:wp-content\/uploads|content\/images)\//.test(src)
const decodeAttr = (v: string) => v.replace(/&amp;/g, '&')
const IMG_TAG = /<img\b[^>]*>/gi
const srcOf = (img: string) => decodeAttr(/\bsrc\s*=\s*["']([^"']*)/i.exec(img)?.[1] ?? '')
const altOf = (img: string) => plainText(/\balt\s*=\s*"([^"]*)"/i.exec(img)?.[1] ?? '')

/** The image addresses of a body that point at other sites or the old one, in order, each once. */
export const imagesOf = (html: string): string[] =>
  [...new Set([...html.matchAll(IMG_SRC)].map((m) => decodeAttr(m[3]!)).filter(importable))]

export function createMediaImport(o: MediaImportOptions) {
  const limit = limiter(o.concurrency ?? 4)
  // One attempt per address and run: an image in many posts is fetched once, a failed one is not retried.
  const attempts = new Map<string, Promise<Media | string>>()

  async function obtain(url: string, details: Omit<ImportImage, 'url'>): Promise<Media | string> {
    const known = await o.media.find(o.source(), url)
    if (known) {
      o.report.media.reused++
      return known
    }
    const got = await limit(() => o.fetch(url))
    if (!got.ok) return got.reason
    if (o.dryRun) {
      o.report.media.imported++
      return 'dry run: fetched, not stored'
    }
    try {
      const media = await o.media.add(o.actor, o.source(), url, got.data, { filename: got.filename, alt: details.alt, caption: details.caption })
      o.report.media.imported++
      return media
    } catch (err) {
      // The upload's own refusals (not an image, too large, too many pixels) are this image's; anything else stops the import.
      if (isAppError(err)) return err.message
      throw err
    }
  }

  /** The library image for `url`, or why there is none; counted in the report once per address. */
  function image(url: string, details: Omit<ImportImage, 'url'>, label: string): Promise<Media | string> {
    let attempt = attempts.get(url)
    if (!attempt) {
      attempt = obtain(url, details).then((r) => {
        if (typeof r === 'string' && !(o.dryRun && r.startsWith('dry run'))) {
          o.report.media.failed++
          listIn(o.report, o.report.mediaFailures, { item: label, oldUrl: url, reason: r })
        }
        return r
      })
      attempts.set(url, attempt)
    }
    return attempt
  }

  return {
    image,

    /**
     * `a` with its body's images and its hero in the library: `src` attributes point at the stored copies, `heroMediaId`
     * is set. Images that could not be had stay where they were and count as left remote.
     */
    async article(a: ImportArticle): Promise<ImportArticle> {
      const [bodyHtml, hero] = await Promise.all([this.body(a.bodyHtml, a.title), a.hero ? image(a.hero.url, a.hero, a.title) : null])
      if (a.hero && (hero === null || typeof hero === 'string')) o.report.altered.imagesLeftRemote++
      const heroMedia = hero && typeof hero !== 'string' ? hero : null
      if (heroMedia && !heroMedia.alt.trim()) {
        listIn(o.report, o.report.heroesWithoutAlt, { item: a.title, oldUrl: a.hero!.url, reason: `the hero image (media ${heroMedia.id}) has no alt text; add it in the media library` })
      }
      return { ...a, bodyHtml, ...(a.hero !== undefined && { heroMediaId: heroMedia?.id ?? null }) }
    },

    /** `html` with its images in the library and their `src` pointing there; the others stay and count as left remote. */
    async body(html: string, label: string): Promise<string> {
      const urls = imagesOf(html)
      const alts = new Map([...html.matchAll(IMG_TAG)].map((m) => [srcOf(m[0]), altOf(m[0])]))
      const results = await Promise.all(urls.map((url) => image(url, { alt: alts.get(url) ?? '', caption: '' }, label)))
      const stored = new Map<string, Media>()
      urls.forEach((url, i) => {
        const r = results[i]
        if (r && typeof r !== 'string') stored.set(url, r)
      })
      o.report.altered.imagesLeftRemote += urls.length - stored.size
      return html.replace(IMG_TAG, (img) => {
        const m = stored.get(srcOf(img))
        return m ? img.replace(IMG_SRC, (_whole, head: string, quote: string) => `${head}${quote}${mediaUrl(m)}${quote}`).replace(SRCSET, '') : img
      })
    },
  }
}

export type MediaImport = ReturnType<typeof createMediaImport>
