#!/usr/bin/env node
// The `broadsheet` command. Every start compiles some 400 modules (TypeScript stripped, then parsed by V8); with the
// compiled code cached on disk (module.enableCompileCache: NODE_COMPILE_CACHE, or the OS temp dir) the second start takes
// about half the CPU. The cache must be on before those modules load, so the composition root is imported after it.

import { enableCompileCache } from 'node:module'

enableCompileCache()
await import('./composition.ts')
