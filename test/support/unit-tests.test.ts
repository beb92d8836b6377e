// Picking the unit tests by what they load (unit-tests.ts, imports.ts).

import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { moduleSpecifiers } from './imports.ts'
import { outsideChain, unitTestFiles } from './unit-tests.ts'

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..')

test('module specifiers come from static, re-exported, side-effect and dynamic imports; loadedOnly leaves out import type', () => {
  const source = [
    "import a from './a.ts'",
    "import {\n  b,\n  type B,\n} from './b.ts'",
    "import type { C } from './c.ts'",
    "export * from './d.ts'",
    "export type { E } from './e.ts'",
    "import './f.ts'",
    "const g = await import('./g.ts')",
    "import pg from 'pg'",
  ].join('\n')
  assert.deepEqual(moduleSpecifiers(source), ['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.ts', 'pg'])
  assert.deepEqual(moduleSpecifiers(source, { loadedOnly: true }), ['./a.ts', './b.ts', './d.ts', './f.ts', './g.ts', 'pg'])
})

test('a test is a unit test unless it loads a database, browser or process, however indirectly', async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-unit-'))
  t.after(() => rm(root, { recursive: true, force: true }))
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await writeFile(path.join(root, file), text)
  }
  await write('src/store/sqlite.ts', 'export const open = () => {}\nexport type Db = number\n')
  await write('src/domain/pure.ts', "import type { Db } from '../store/sqlite.ts'\nexport const pure = (d: Db) => d\n")
  await write('src/web/app.ts', "import { type Db } from '../store/sqlite.ts'\nexport const app = (d: Db) => d\n")
  await write('test/support/databases.ts', 'export const scratch = 1\n')
  await write('test/domain/pure.test.ts', "import { pure } from '../../src/domain/pure.ts'\n")
  await write('test/web/app.test.ts', "import { app } from '../../src/web/app.ts'\n")
  await write('test/store/x.test.ts', "const { scratch } = await import('../support/databases.ts')\n")
  await write('test/cli/run.test.ts', "import { spawn } from 'node:child_process'\n")
  await write('test/pg.test.ts', "import pg from 'pg'\n")
  assert.deepEqual(await unitTestFiles(root), ['test/domain/pure.test.ts'])
  assert.deepEqual(await outsideChain(root, path.join(root, 'test/web/app.test.ts')), ['test/web/app.test.ts', 'src/web/app.ts', 'src/store/sqlite.ts'])
  assert.deepEqual(await outsideChain(root, path.join(root, 'test/cli/run.test.ts')), ['test/cli/run.test.ts', 'node:child_process'])
})

test('in this checkout, pure tests are unit tests and store, web, CLI and browser tests are not', async () => {
  const unit = new Set(await unitTestFiles(ROOT))
  for (const file of ['test/config.test.ts', 'test/domain/slug.test.ts', 'test/content/sanitize.test.ts', 'test/render/html.test.ts', 'test/search/query.test.ts']) {
    assert.ok(unit.has(file), `${file} is a unit test`)
  }
  for (const file of ['test/store/store.test.ts', 'test/web/app.test.ts', 'test/cli/index.test.ts', 'test/browser/site.test.ts', 'test/support/templates.test.ts']) {
    assert.ok(!unit.has(file), `${file} is not a unit test`)
  }
})
