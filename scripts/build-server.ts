// Bundles the server for faster starts (src/server-bundle.ts says how and why); run by postinstall, and by prestart
// with --if-stale. A failed build never stops an install or a start: the server then starts from the sources.

import { buildServerBundle, currentServerBundle } from '../src/server-bundle.ts'

const ifStale = process.argv.includes('--if-stale')
if (!ifStale || !currentServerBundle()) {
  try {
    const { dir, inputs, ms } = await buildServerBundle()
    console.log(`server bundle: ${dir} from ${inputs} files in ${ms} ms`)
  } catch (err) {
    console.warn(`server bundle not built (the server will start from its sources): ${(err as Error).message}`)
  }
}
