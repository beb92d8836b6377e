// Which test files are unit tests: those that load no database driver, browser or child process, however indirectly.

import { glob, readFile } from 'node:fs/promises'
import path from 'node:path'
import { moduleSpecifiers } from './imports.ts'

/** Modules that open a database, a browser or another process; loading one, however indirectly, makes a test not a unit test. */
const OUTSIDE_MODULES = ['test/support/databases.ts', 'test/support/browser.ts', 'src/store/sqlite.ts', 'src/store/postgres.ts']
const OUTSIDE_PACKAGES = new Set(['pg', 'better-sqlite3', 'playwright-core', 'node:child_process', 'child_process'])

const parsed = new Map<string, Promise<string[]>>()

/** What `file` loads; nothing when it does not exist (an import-like text in a string literal names no real file). */
function loadedSpecifiers(file: string): Promise<string[]> {
  let specifiers = parsed.get(file)
  if (!specifiers) {
    specifiers = readFile(file, 'utf8').then((source) => moduleSpecifiers(source, { loadedOnly: true }), (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return []
      throw err
    })
    parsed.set(file, specifiers)
  }
  return specifiers
}

/**
 * The chain of imports by which `file` reaches something outside (a database, a browser, a process), or null when it
 * reaches nothing of the kind. `import type` is left out: it loads nothing.
 */
export async function outsideChain(root: string, file: string, seen = new Set<string>()): Promise<string[] | null> {
  const relative = path.relative(root, file)
  if (OUTSIDE_MODULES.includes(relative)) return [relative]
  if (seen.has(file)) return null
  seen.add(file)
  for (const spec of await loadedSpecifiers(file)) {
    if (OUTSIDE_PACKAGES.has(spec)) return [relative, spec]
    if (!spec.startsWith('.')) continue
    const chain = await outsideChain(root, path.resolve(path.dirname(file), spec), seen)
    if (chain) return [relative, ...chain]
  }
  return null
}

/** The unit test files of the checkout at `root`, relative to it and sorted. */
export async function unitTestFiles(root: string): Promise<string[]> {
  const unit: string[] = []
  for await (const file of glob('test/**/*.test.ts', { cwd: root })) {
    if (!(await outsideChain(root, path.join(root, file)))) unit.push(file)
  }
  return unit.sort()
}
