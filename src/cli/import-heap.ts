// How an import's process lets its V8 heap grow: from its start (WordPress into SQLite) or from its related pass.

import v8 from 'node:v8'

/**
 * With V8's own growth the old space of an import reached about three times what a full collection left: at 100,000
 * posts on SQLite the related pass's list stage kept some 70 MiB alive and the process grew to 363 MiB resident.
 * Growing by 30% the stage peaked at 222 MiB for the same CPU. In the batches before it the same growth cost 15–30%
 * more CPU while the importing thread parsed the file as well. A WordPress file going into SQLite is read on a thread
 * of its own (importers/wordpress/wxr-read.ts), and there the batches grow by 30% too: 20,000 posts took 53.5 s
 * instead of 61–64 and peaked at 225 MiB instead of 263–276, where V8's own growth with the reading thread peaked at
 * 330–350 (bench/README.md). A heap limit (--max-old-space-size) did as well on memory, but only node's own flags can
 * set it.
 */
export const IMPORT_HEAP_GROWING_PERCENT = 30

let set = false

/**
 * Sets the heap's growth for the rest of this process, which does nothing but import (the command line, a benchmark
 * of it): before a WordPress import into SQLite starts, at the related pass of the others, whose files are read on
 * the importing thread. V8 reads the setting each time it sizes the heap after a full collection. A growth given to
 * node itself (NODE_OPTIONS or its flags) is left as given.
 */
export function growHeapSlowly(env: NodeJS.ProcessEnv): void {
  if (set) return
  set = true
  const given = [...process.execArgv, env.NODE_OPTIONS ?? ''].some((flag) => /heap[-_]growing[-_]percent/.test(flag))
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`)
}
