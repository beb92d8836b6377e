// How an import's process lets its V8 heap grow once its related-articles pass begins.

import v8 from 'node:v8'

/**
 * With V8's own growth the old space of an import's related pass reached about three times what a full collection
 * left: at 100,000 posts on SQLite its list stage kept some 70 MiB alive and the process grew to 363 MiB resident.
 * Growing by 30% the stage peaked at 222 MiB for the same CPU (0.879 against 0.897 ms an article). The batches before
 * it stay near 200 MiB anyway, and there the same growth cost 15–30% more CPU: it applies from the related pass on.
 * A heap limit (--max-old-space-size) did as well on memory, but only node's own flags can set it.
 */
export const IMPORT_HEAP_GROWING_PERCENT = 30

let set = false

/**
 * Sets the heap's growth for the rest of this process, which does nothing but import (the command line, a benchmark
 * of it): V8 reads the setting each time it sizes the heap after a full collection. A growth given to node itself
 * (NODE_OPTIONS or its flags) is left as given.
 */
export function growHeapSlowly(env: NodeJS.ProcessEnv): void {
  if (set) return
  set = true
  const given = [...process.execArgv, env.NODE_OPTIONS ?? ''].some((flag) => /heap[-_]growing[-_]percent/.test(flag))
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`)
}
