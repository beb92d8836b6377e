// npm install, npm start and npm run broadsheet say in one line that Node.js 24 is needed (scripts/require-node.mjs).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const SCRIPT = new URL('../../scripts/require-node.mjs', import.meta.url).pathname
const SYSTEM_NODE = '/usr/bin/node'

/** The system's Node.js when it is older than 24 (Debian's is 20), else null. */
function olderNode(): string | null {
  if (!existsSync(SYSTEM_NODE)) return null
  const major = Number(execFileSync(SYSTEM_NODE, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim())
  return major < 24 ? SYSTEM_NODE : null
}

test('on this Node.js the check passes silently', () => {
  const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' })
  assert.equal(run.status, 0)
  assert.equal(run.stderr, '')
})

test('on an older Node.js it exits 1 with one line naming both versions', (t) => {
  const node = olderNode()
  if (!node) return t.skip(`no Node.js older than 24 at ${SYSTEM_NODE}`)
  const run = spawnSync(node, [SCRIPT], { encoding: 'utf8' })
  assert.equal(run.status, 1)
  const lines = run.stderr.trim().split('\n')
  assert.equal(lines.length, 1)
  assert.match(lines[0]!, /needs Node\.js 24 or newer; this is Node\.js \d+\./)
})

test('npm runs the check before install, start and the command line', async () => {
  const { default: pkg } = await import('../../package.json', { with: { type: 'json' } })
  assert.match(pkg.scripts.postinstall, /^node scripts\/require-node\.mjs && /)
  assert.match(pkg.scripts.prestart, /^node scripts\/require-node\.mjs && /)
  assert.equal(pkg.scripts.prebroadsheet, 'node scripts/require-node.mjs')
})
