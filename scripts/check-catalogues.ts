// `npm run check`: every catalogue of src/i18n/catalogues/ has every key of the English one (and its placeholders and plural forms).

import { CATALOGUES, ENGLISH } from '../src/i18n/catalogues.ts'
import { catalogueProblems } from '../src/i18n/check.ts'

let failed = false
for (const [tag, catalogue] of CATALOGUES) {
  for (const problem of catalogueProblems(ENGLISH, catalogue)) {
    failed = true
    console.error(`src/i18n/catalogues/${tag}.ts: ${problem}`)
  }
}
if (failed) process.exit(1)
console.log(`catalogues complete: ${[...CATALOGUES.keys()].join(', ')}`)
