// The desk editor's bundle: served from memory under a fingerprinted URL; built in the background when missing or stale.

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Asset } from './assets.ts'

const CLIENT = new URL('../../client/', import.meta.url)
const BUNDLE = new URL('dist/editor.js', CLIENT)
/** What the bundle is made from: when any is newer than the bundle, it is rebuilt. */
const SOURCES = [new URL('editor/', CLIENT), new URL('build.ts', CLIENT)]

export interface EditorBundle {
  /** The bundle's URL, or null while there is none yet (the first call after start starts a build when needed). */
  url(): string | null
  /** The bundle at `url`, if it is the current one. */
  asset(url: string): Asset | null
  /** Resolves once a build started by url() has finished (at once when none is running). */
  settled(): Promise<void>
}

const mtime = (file: URL): number => {
  try {
    return statSync(file).mtimeMs
  } catch {
    return 0
  }
}

/** The newest modification time among the sources (files directly in client/editor/, and build.ts). */
function newestSource(): number {
  let newest = 0
  for (const src of SOURCES) {
    if (src.pathname.endsWith('/')) {
      for (const name of readdirSync(src)) newest = Math.max(newest, mtime(new URL(name, src)))
    } else newest = Math.max(newest, mtime(src))
  }
  return newest
}

function read(): Asset {
  const body = readFileSync(BUNDLE)
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  return { url: `/assets/editor.${hash}.js`, body, type: 'text/javascript; charset=utf-8' }
}

/**
 * The editor bundle of this process. Nothing is read at start (start-up stays fast); the first editor page reads it,
 * or, when it is missing or older than its sources, starts esbuild in the background (imported only then) and shows
 * the plain form until the bundle is there.
 */
export function createEditorBundle(opts: { readonly onBuildError: (err: unknown) => void }): EditorBundle {
  let current: Asset | null = null
  let checked = false
  let building: Promise<void> | null = null

  function rebuild(): void {
    building ??= (async () => {
      try {
        const { buildEditor } = await import('../../client/build.ts')
        await buildEditor()
        current = read()
      } catch (err) {
        opts.onBuildError(err)
      }
    })()
  }

  return {
    url() {
      if (!checked) {
        checked = true
        try {
          const built = mtime(BUNDLE)
          if (built > 0) current = read()
          if (built === 0 || built < newestSource()) rebuild()
        } catch (err) {
          opts.onBuildError(err)
        }
      }
      return current?.url ?? null
    },
    asset: (url) => (current && current.url === url ? current : null),
    settled: async () => { await building },
  }
}

/** Where the bundle is written, for messages. */
export const EDITOR_BUNDLE_PATH = fileURLToPath(BUNDLE)
