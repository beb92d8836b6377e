// Reads which modules a TypeScript file loads, for the template hash and for picking the unit tests.

/** Static imports and re-exports (group 1 marks `import type`, erased at run time), side-effect imports, dynamic imports. */
const STATEMENT = /\b(?:import|export)\s+(type\s+)?(?:[^;'"]*?\bfrom\s*)?'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g

/**
 * The module specifiers `source` names, in order. With `loadedOnly`, those of `import type` statements are left out:
 * type stripping erases them, so they load nothing (`import { type X }` still loads its module and is kept).
 */
export function moduleSpecifiers(source: string, opts: { readonly loadedOnly?: boolean } = {}): string[] {
  const found: string[] = []
  for (const m of source.matchAll(STATEMENT)) {
    if (opts.loadedOnly && m[1]) continue
    found.push((m[2] ?? m[3])!)
  }
  return found
}
