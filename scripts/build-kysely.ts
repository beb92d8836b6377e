// Bundles Kysely into one file for the server's start (src/store/kysely-bundle.ts says why); run by postinstall.

import { buildKyselyBundle } from '../src/store/kysely-bundle.ts'

const { file, version, ms } = await buildKyselyBundle()
console.log(`kysely ${version}: ${file} in ${ms} ms`)
