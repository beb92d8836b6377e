#!/usr/bin/env -S node --max-semi-space-size=8
// The `broadsheet` command. It runs with a young generation of 2 × 8 MB (here, in package.json's scripts and in
// bench/server.ts) instead of V8's default, which grows to 2 × 32 MB under load: after a minute of load on 100,000
// articles the server held 210 MB instead of 314 MB, at the same throughput. Pages make short-lived garbage, which a
// small nursery collects as cheaply; V8 reads the flag only at start.
//
// Every start compiles some 400 modules (TypeScript stripped, then parsed by V8); with the
// compiled code cached on disk (module.enableCompileCache: NODE_COMPILE_CACHE, or the OS temp dir) the second start takes
// about half the CPU. The cache must be on before those modules load, so the composition root is imported after it.

import { enableCompileCache } from 'node:module'

enableCompileCache()
await import('./composition.ts')
