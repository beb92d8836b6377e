#!/usr/bin/env -S node --max-semi-space-size=8
// The `broadsheet` command. It runs with a young generation of 2 × 8 MB (here, in package.json's scripts and in
// bench/server.ts) instead of V8's default, which grows to 2 × 32 MB under load: after a minute of load on 100,000
// articles the server held 210 MB instead of 314 MB, at the same throughput. Pages make short-lived garbage, which a
// small nursery collects as cheaply; V8 reads the flag only at start.
//
// Every start loads some 600 modules (ours TypeScript, stripped, then all parsed by V8); with the
// compiled code cached on disk (module.enableCompileCache: NODE_COMPILE_CACHE, or the OS temp dir) the second start takes
// about half the CPU. The cache must be on before those modules load, so the composition root is imported after it.
// This file itself is stripped before that line runs, which loads Node's TypeScript stripper (some 40 ms of CPU) unless
// NODE_COMPILE_CACHE was set before Node started: `npm start` sets it, to node_modules/.cache/node-compile-cache, a
// folder that stays with the checkout (a container's /tmp does not outlive it).
//
// Better still, the whole server loads from one bundle built at install, when it was built from the files on disk now
// (src/server-bundle.ts); otherwise from the sources, with Kysely from one bundled file when it matches the installed
// package (src/store/kysely-bundle.ts).

import { enableCompileCache } from 'node:module'
import { CODE_MARK, MAIN_MARK } from './boot-timing.ts'
import { currentServerBundle } from './server-bundle.ts'
import { useKyselyBundle } from './store/kysely-bundle.ts'

performance.mark(MAIN_MARK, { detail: process.cpuUsage() })
enableCompileCache()
// BROADSHEET_BUNDLE=off starts from the sources (stack traces then name them). Read here, not in config.ts: which
// code to load is decided before any of it loads.
// eslint-disable-next-line no-restricted-properties
const bundle = process.env.BROADSHEET_BUNDLE === 'off' ? null : currentServerBundle()
performance.mark(CODE_MARK, { detail: bundle ? 'bundle' : 'sources' })
if (bundle) {
  await import(bundle)
} else {
  useKyselyBundle()
  await import('./composition.ts')
}
