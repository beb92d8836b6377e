// Static assets (CSS, the view beacon script), read once at start and served from memory under fingerprinted, immutable URLs.

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FastifyPluginAsync } from 'fastify'
import { createEditorBundle, type EditorBundle } from './editor-bundle.ts'

export interface Asset {
  readonly url: string
  readonly body: Buffer
  readonly type: string
}

const STYLES = new URL('../render/styles/', import.meta.url)
const SCRIPTS = new URL('../render/scripts/', import.meta.url)

function load(file: string, type: string, dir = STYLES): Asset {
  const body = readFileSync(new URL(file, dir))
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  const [name, ext] = file.split('.') as [string, string]
  return { url: `/assets/${name}.${hash}.${ext}`, body, type }
}

export interface Assets {
  readonly css: string
  readonly printCss: string
  /** The view beacon, included on article pages only. */
  readonly beacon: string
  /** Search-as-you-type, included on the search page only. */
  readonly suggest: string
  /** The desk's own stylesheet. */
  readonly deskCss: string
  /** URL of the desk's editor bundle, or null until it is built (see editor-bundle.ts). */
  readonly editorScript: () => string | null
  readonly editor: EditorBundle
  readonly all: readonly Asset[]
}

/** Loads the stylesheets and scripts and fingerprints them by content. */
export function loadAssets(opts: { readonly onEditorBuildError?: (err: unknown) => void } = {}): Assets {
  const site = load('site.css', 'text/css; charset=utf-8')
  const print = load('print.css', 'text/css; charset=utf-8')
  const beacon = load('beacon.js', 'text/javascript; charset=utf-8', SCRIPTS)
  const suggest = load('search-suggest.js', 'text/javascript; charset=utf-8', SCRIPTS)
  const desk = load('desk.css', 'text/css; charset=utf-8')
  const editor = createEditorBundle({ onBuildError: opts.onEditorBuildError ?? (() => {}) })
  return { css: site.url, printCss: print.url, beacon: beacon.url, suggest: suggest.url, deskCss: desk.url, editorScript: () => editor.url(), editor, all: [site, print, beacon, suggest, desk] }
}

/** Serves each asset at its fingerprinted URL, cached for a year. */
export const assetRoutes = (assets: Assets): FastifyPluginAsync => async (app) => {
  for (const asset of assets.all) {
    app.get(asset.url, async (_req, reply) => reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body))
  }
  // The editor bundle can change while the app runs (a background build), so its URL is matched here, not registered.
  app.get<{ Params: { hash: string } }>('/assets/editor.:hash', async (req, reply) => {
    const asset = assets.editor.asset(`/assets/editor.${req.params.hash}`)
    if (!asset) return reply.callNotFound()
    return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body)
  })
}
