// `npm run test:unit`: the tests that need no database, browser or child process (support/unit-tests.ts picks them).

import path from 'node:path'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { fileURLToPath } from 'node:url'
import { unitTestFiles } from './support/unit-tests.ts'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const files = await unitTestFiles(root)
const skipped: string[] = []

// One process saves a start per file (most of the time here); one test at a time keeps tests that measure intervals
// from sharing the event loop with another file's tests.
const stream = run({ files: files.map((f) => path.join(root, f)), concurrency: 1, isolation: 'none' })
stream.on('test:pass', (data) => {
  if (data.skip !== undefined) skipped.push(`${data.file ?? ''}: ${data.name}`)
})
stream.on('test:fail', () => {
  process.exitCode = 1
})
stream.compose(spec).pipe(process.stdout)
stream.on('end', () => {
  // A skipped case would pass here unnoticed; a unit test has nothing outside to wait for, so none may skip.
  if (skipped.length) {
    console.error(`\n${skipped.length} unit test(s) skipped; a unit test may not skip:\n  ${skipped.join('\n  ')}`)
    process.exitCode = 1
  }
})
