// How an import's process lets its V8 heap grow: by a third over what a full collection leaves, not by V8's default.

import v8 from 'node:v8'

/**
 * With the default growth V8 let an import's old space reach about three times what a full collection left: at
 * 100,000 posts on SQLite the related list stage kept some 70 MiB alive and the process grew to 363 MiB resident.
 * Growing by 30% it peaked at 222 MiB for the same CPU (0.879 against 0.897 ms an article). A heap limit
 * (--max-old-space-size) did as well on memory, but it can only be set when node starts, and it costs 7% more CPU.
 */
export const IMPORT_HEAP_GROWING_PERCENT = 30

/**
 * Sets the heap's growth for the rest of this process, which then does nothing but import (the command line, a
 * benchmark of it): V8 reads the setting each time it sizes the heap after a full collection. A growth given to node
 * itself (NODE_OPTIONS or its flags) is left as given.
 */
export function growHeapSlowly(env: NodeJS.ProcessEnv): void {
  const given = [...process.execArgv, env.NODE_OPTIONS ?? ''].some((flag) => /heap[-_]growing[-_]percent/.test(flag))
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`)
}
