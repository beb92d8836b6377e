// The server as one bundle for the start.
//
// A start from the sources loads some 600 modules: Node resolves, reads, strips the types of and links each one, which
// took about 600 ms of CPU of a 1,000 ms start even with the compile cache. The same code bundled by esbuild into one
// file (with a chunk per lazily imported part) loads in about half that. So the install (package.json's postinstall)
// and `npm start` (its prestart, when the sources changed since) bundle src/composition.ts with the packages it uses
// into node_modules/.cache/broadsheet/server/, and src/main.ts loads that bundle when it is current: built from exactly
// the files on disk now. Otherwise (missing, a file edited since, packages reinstalled, BROADSHEET_BUNDLE=off) the
// server starts from the sources as before, which is always correct, only slower.
//
// Code that finds files beside itself (`new URL('./x', import.meta.url)`, import.meta.dirname) keeps finding them: each
// of our files has its own import.meta pinned to its place in the checkout as it is bundled. Packages that do the same
// are left out of the bundle (see EXTERNAL), as are native modules.

import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
export const SERVER_BUNDLE_DIR = path.join(ROOT, 'node_modules/.cache/broadsheet/server')
const ENTRY = 'composition.mjs'
const MANIFEST = 'manifest.json'
/** npm rewrites it on every install that changes node_modules: a stand-in for every package's files. */
const INSTALLED = 'node_modules/.package-lock.json'

/**
 * Packages loaded as they are: native ones; those that locate files of their own at run time (esbuild runs its
 * binary from beside its own file); those only the rare paths use (Amazon's SDK, some 300 modules, for S3 media); and
 * CommonJS ones our code imports lazily (`await import()`), of which a bundle keeps only the default export where Node
 * gives the named ones too.
 */
const EXTERNAL = ['better-sqlite3', 'sharp', 'pg-native', 'esbuild', '@aws-sdk/*', 'prom-client']

/** A file the bundle was built from: its path from the root, size and modification time (size -1 when absent). */
type Input = readonly [file: string, size: number, mtimeMs: number]

interface Manifest {
  readonly entry: string
  readonly inputs: readonly Input[]
}

/** `root` ends with a separator: concatenated, 450 paths are a third of the time path.join takes on a cold start. */
function stamp(root: string, file: string): Input {
  const stats = statSync(root + file, { throwIfNoEntry: false })
  return stats ? [file, stats.size, stats.mtimeMs] : [file, -1, 0]
}

const withSeparator = (dir: string): string => (dir.endsWith(path.sep) ? dir : dir + path.sep)

/**
 * The URL of the bundle's entry if it was built from the files on disk now, else null. Costs a stat per source file
 * (some 450, about 10 ms on a cold start); reads nothing else.
 */
export function currentServerBundle(dir = SERVER_BUNDLE_DIR, root = ROOT): string | null {
  let manifest: Manifest
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest
  } catch {
    return null
  }
  const base = withSeparator(root)
  for (const [file, size, mtimeMs] of manifest.inputs) {
    const [, nowSize, nowMtime] = stamp(base, file)
    if (nowSize !== size || nowMtime !== mtimeMs) return null
  }
  return pathToFileURL(path.join(dir, manifest.entry)).href
}

/** An esbuild plugin that gives each of our files (not packages) its own import.meta.url, dirname and filename. */
function pinImportMeta(root: string) {
  const ours = (file: string) => file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)
  return {
    name: 'pin-import-meta',
    setup(build: { onLoad: (o: { filter: RegExp }, f: (a: { path: string }) => Promise<{ contents: string; loader: 'ts' | 'js' } | undefined>) => void }) {
      build.onLoad({ filter: /\.(?:ts|mjs|js)$/ }, async ({ path: file }) => {
        if (!ours(file)) return undefined
        const text = await readFile(file, 'utf8')
        const contents = !text.includes('import.meta') ? text : text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(file)))
          .replaceAll('import.meta.filename', JSON.stringify(file))
        return { contents, loader: file.endsWith('.ts') ? 'ts' : 'js' }
      })
    },
  }
}

export interface BundleOptions {
  /** The checkout: where the entry, node_modules and the recorded paths are. */
  readonly root?: string
  /** The entry, from the root. */
  readonly entry?: string
  readonly outdir?: string
}

/**
 * Bundles the entry into `outdir` with a manifest of what it was built from. Written aside, then swapped in, so a
 * start never reads half a bundle (one starting mid-swap finds none and starts from the sources).
 */
export async function buildServerBundle(opts: BundleOptions = {}): Promise<{ dir: string; inputs: number; ms: number }> {
  const started = performance.now()
  const root = withSeparator(path.resolve(opts.root ?? ROOT))
  const outdir = opts.outdir ?? SERVER_BUNDLE_DIR
  const entry = opts.entry ?? 'src/composition.ts'
  const { build } = await import('esbuild')
  const temp = `${outdir}.${process.pid}.tmp`
  await rm(temp, { recursive: true, force: true })
  await mkdir(path.dirname(outdir), { recursive: true })
  const result = await build({
    entryPoints: { [ENTRY.replace(/\.mjs$/, '')]: path.join(root, entry) }, absWorkingDir: root, outdir: temp,
    bundle: true, splitting: true, format: 'esm', platform: 'node', target: ['node24'], outExtension: { '.js': '.mjs' },
    external: EXTERNAL, plugins: [pinImportMeta(root)], metafile: true, legalComments: 'none', logLevel: 'silent',
    // Packages written as CommonJS call require(); in an ES module there is none unless the bundle makes one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  })
  // Our files one by one; the packages through npm's record of what it installed.
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.split('/').includes('node_modules'))
  const manifest: Manifest = { entry: ENTRY, inputs: [...files, INSTALLED].sort().map((f) => stamp(root, f)) }
  await writeFile(path.join(temp, MANIFEST), JSON.stringify(manifest))
  const old = `${outdir}.${process.pid}.old`
  await rename(outdir, old).catch(() => {})
  await rename(temp, outdir).catch(async (err: NodeJS.ErrnoException) => {
    // Another build swapped its own in meanwhile: built from the same files, it is as good as this one.
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err
    await rm(temp, { recursive: true, force: true })
  })
  await rm(old, { recursive: true, force: true })
  return { dir: outdir, inputs: manifest.inputs.length, ms: Math.round(performance.now() - started) }
}
