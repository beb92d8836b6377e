// One import run of a WordPress or Ghost file, wired to the use-cases: what `broadsheet import` and the desk's import
// job both call, so the command line and the desk import the same way.

import path from 'node:path'
import type { Clock } from '../domain/clock.ts'
import type { ImportSourceKind } from '../domain/import-job.ts'
import { createImporting, type ImportActor } from '../editorial/importing.ts'
import { createPageImporting } from '../editorial/import-pages.ts'
import { createMediaImporting } from '../editorial/import-media.ts'
import { oldPermalinksInput } from '../editorial/old-permalinks.ts'
import { createMediaLibrary } from '../media/library.ts'
import type { MediaStore } from '../media/storage/media-store.ts'
import { createSiteContext } from '../reading/site-settings.ts'
import type { Store } from '../store/store.ts'
import type { ImportReport } from './import-report.ts'
import { createImageSource } from './media-fetch.ts'

/** What a run needs from the site's configuration. */
export interface ImportRunDeps {
  readonly store: Store
  readonly clock: Clock
  readonly timeZone: string
  /** DATA_DIR: imported images go to its media folder, unless `mediaStore` is given. */
  readonly dataDir: string
  /** The site's media store (MEDIA_STORE), where imported images go. */
  readonly mediaStore?: MediaStore
  /** Whether images may be fetched from private and loopback addresses (WEBHOOK_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean
}

export interface ImportRunOptions {
  readonly source: ImportSourceKind
  readonly file: string
  readonly actor: ImportActor
  readonly dryRun: boolean
  readonly batchSize?: number
  /** (ghost) the old site's address. */
  readonly siteUrl: string | null
  /** (ghost) the section of posts whose primary tag is not a section here. */
  readonly section: string | null
  /** Bring images into the media library, read from `mediaDir` when given, else fetched; null leaves them remote. */
  readonly media: { readonly mediaDir: string | null } | null
  /** After each batch: articles handled so far, and the share of the file read (0–1). */
  readonly onProgress?: (done: number, fraction: number) => void
  /** While related articles are finished after the last batch: the stage (count, weigh, list, neighbour) and its articles done. */
  readonly onSettleProgress?: (stage: string, done: number) => void
  /** (ghost) the text of the old site's routes.yaml, or its permalink template: custom permalinks that should redirect. */
  readonly routesYaml?: string | null
  readonly permalink?: string | null
  /** Asked after each batch: true stops the run there, with `report.stopped` set. */
  readonly stopRequested?: () => boolean
}

/**
 * Runs one import through the use-cases and returns its report (with `error` set when the file stopped it). Bad
 * custom-permalink options throw AppError('Invalid') naming the option before anything is read or written.
 */
export async function runImport(deps: ImportRunDeps, o: ImportRunOptions): Promise<ImportReport> {
  const { store, clock } = deps
  const permalinks = o.source === 'ghost' ? oldPermalinksInput(o) : null
  const site = createSiteContext({ store, clock, timeZone: deps.timeZone })
  const siteLanguage = async () => (await site.get()).settings.language
  const importing = createImporting({ store, clock, siteLanguage })
  const pages = createPageImporting({ store, clock, siteLanguage, authorize: importing.authorize })
  const library = createMediaLibrary(deps.mediaStore
    ? { store, clock, uploadDir: path.join(deps.dataDir, 'tmp'), mediaStore: deps.mediaStore }
    : { store, clock, uploadDir: path.join(deps.dataDir, 'tmp'), mediaDir: path.join(deps.dataDir, 'media') })
  const media = o.media && {
    media: createMediaImporting({ store, clock, library, authorize: importing.authorize }),
    fetch: createImageSource({ mediaDir: o.media.mediaDir, allowPrivate: deps.allowPrivate }),
  }
  const progress = o.onProgress ?? (() => {})
  const stop = o.stopRequested ? { stopRequested: o.stopRequested } : {}
  const settle = o.onSettleProgress ? { onSettleProgress: o.onSettleProgress } : {}
  // Each format's parser and renderers (Ghost's pull in markdown-it and the Mobiledoc renderers, some 300 modules) load
  // when an import runs, not at every start of the server.
  if (o.source === 'wordpress') {
    const { importWordPress } = await import('./wordpress/import.ts')
    return importWordPress({ importing, pages }, {
      file: o.file, actor: o.actor, dryRun: o.dryRun, timeZone: deps.timeZone, onProgress: progress, ...stop, ...settle,
      ...(o.batchSize !== undefined && { batchSize: o.batchSize }), ...(media && { media }),
    })
  }
  const { importGhost } = await import('./ghost/import.ts')
  return importGhost({ importing, pages, ...(media && { media }) }, {
    file: o.file, actor: o.actor, dryRun: o.dryRun, siteUrl: o.siteUrl, onProgress: progress, ...stop, ...settle,
    routesYaml: permalinks?.routesYaml ?? null, permalink: permalinks?.permalink ?? null,
    ...(o.batchSize !== undefined && { batchSize: o.batchSize }), ...(o.section !== null && { defaultSection: o.section }),
  })
}
