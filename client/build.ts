// Bundles the desk's editor island with esbuild into client/dist/editor.js (gitignored); run by postinstall and on demand.

import { mkdir, rename, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = new URL('./', import.meta.url)
export const EDITOR_ENTRY = fileURLToPath(new URL('editor/main.ts', ROOT))
export const EDITOR_BUNDLE = fileURLToPath(new URL('dist/editor.js', ROOT))

/** Builds the editor bundle; the file is replaced whole (written aside, then renamed), so a reader never sees half of it. */
export async function buildEditor(): Promise<{ file: string; bytes: number; ms: number }> {
  const started = performance.now()
  await mkdir(new URL('dist/', ROOT), { recursive: true })
  const temp = `${EDITOR_BUNDLE}.${process.pid}.${Date.now()}.tmp`
  await build({
    entryPoints: [EDITOR_ENTRY], outfile: temp, bundle: true, format: 'esm', platform: 'browser', target: ['es2022'],
    minify: true, legalComments: 'none', logLevel: 'silent',
  })
  await rename(temp, EDITOR_BUNDLE)
  return { file: EDITOR_BUNDLE, bytes: (await stat(EDITOR_BUNDLE)).size, ms: Math.round(performance.now() - started) }
}

if (import.meta.main) {
  const { file, bytes, ms } = await buildEditor()
  console.log(`desk editor: ${file} (${Math.round(bytes / 1024)} KiB) in ${ms} ms`)
}
