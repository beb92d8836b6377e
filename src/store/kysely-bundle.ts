// Kysely as one file for the server's start.
//
// Kysely ships as some 260 ES modules, and Node resolves, reads and links each one on every start: about 250 ms of CPU
// on a loaded 2-core machine, a sixth of a start, against some 35 ms for the same code bundled into one file. So the
// install (package.json's postinstall, scripts/build-kysely.ts) bundles `kysely` and `kysely/migration` into one file beside the compile cache, and
// src/main.ts has Node resolve both names to it. Both names lead to the one file, so the classes stay shared between them.
// The bundle is used only when it was built from the Kysely installed now; otherwise (missing, or Kysely updated since)
// the package loads as it is. Tests and scripts that do not start through main.ts load the package.

import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = new URL('../../', import.meta.url)
export const KYSELY_BUNDLE = fileURLToPath(new URL('node_modules/.cache/broadsheet/kysely.mjs', ROOT))
const KYSELY_PACKAGE = new URL('node_modules/kysely/package.json', ROOT)
/** The specifiers the bundle answers for: everything src/ imports from Kysely at run time (another entry point of the
 * package, imported at run time, would load a second copy of the classes it uses: add it here). */
const BUNDLED = new Set(['kysely', 'kysely/migration'])

/** The first line of the bundle: the Kysely version it was built from. */
const stamp = (version: string) => `// kysely ${version}\n`

function installedVersion(): string | null {
  try {
    return (JSON.parse(readFileSync(KYSELY_PACKAGE, 'utf8')) as { version: string }).version
  } catch {
    return null
  }
}

/** Whether a bundle of the installed Kysely is there (reads no more of it than its stamp). */
export function bundleIsCurrent(bundle = KYSELY_BUNDLE): boolean {
  const version = installedVersion()
  if (!version) return false
  const expected = Buffer.from(stamp(version))
  const head = Buffer.alloc(expected.length)
  try {
    const fd = openSync(bundle, 'r')
    try {
      return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(expected)
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
}

/**
 * Has Node load `kysely` and `kysely/migration` from the bundle, if it is current; returns whether it does. Must run
 * before anything imports Kysely.
 */
export function useKyselyBundle(bundle = KYSELY_BUNDLE): boolean {
  if (!bundleIsCurrent(bundle)) return false
  const url = pathToFileURL(bundle).href
  registerHooks({
    resolve: (specifier, context, nextResolve) => (BUNDLED.has(specifier) ? { url, format: 'module', shortCircuit: true } : nextResolve(specifier, context)),
  })
  return true
}

/** Bundles the installed Kysely into `outfile` (written aside, then renamed, so a start never reads half of it). */
export async function buildKyselyBundle(outfile = KYSELY_BUNDLE): Promise<{ file: string; version: string; ms: number }> {
  const started = performance.now()
  const version = installedVersion()
  if (!version) throw new Error('kysely is not installed')
  const { build } = await import('esbuild')
  const { mkdir, rename } = await import('node:fs/promises')
  const path = await import('node:path')
  await mkdir(path.dirname(outfile), { recursive: true })
  const temp = `${outfile}.${process.pid}.tmp`
  await build({
    stdin: { contents: [...BUNDLED].map((name) => `export * from '${name}'`).join('\n'), resolveDir: fileURLToPath(ROOT), loader: 'js' },
    outfile: temp, bundle: true, format: 'esm', platform: 'node', target: ['node24'], banner: { js: stamp(version).trimEnd() },
    legalComments: 'none', logLevel: 'silent',
  })
  await rename(temp, outfile)
  return { file: outfile, version, ms: Math.round(performance.now() - started) }
}
