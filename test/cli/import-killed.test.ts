// `broadsheet import wordpress` killed with SIGKILL at points of its run (among the batches, between the passes of
// related articles) and run again ends in the state of a run never killed: articles, search, redirects, related terms
// and lists. An interruption inside the list pass is tested batch by batch in test/related/settle.test.ts.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { loadConfig } from '../../src/config.ts'
import { writeWxr } from '../../bench/wxr.ts'
import { MAIN_SCRIPT, runBroadsheet, tempDir } from '../support/processes.ts'

const POSTS = 180
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0' }

const databaseFile = (dir: string): string => {
  const db = loadConfig({ DATA_DIR: dir }).database
  if (db.engine !== 'sqlite') throw new Error('expected SQLite')
  return db.file
}

/** Runs `fn` on a read-only connection to the site's database; undefined while it cannot be read yet. */
function read<T>(dir: string, fn: (db: SQLite.Database) => T): T | undefined {
  let db: SQLite.Database | undefined
  try {
    db = new SQLite(databaseFile(dir), { readonly: true, fileMustExist: true })
    db.pragma('busy_timeout = 1000')
    return fn(db)
  } catch {
    return undefined
  } finally {
    db?.close()
  }
}

/** What the import left, named by WordPress post ids rather than our ids. */
function snapshot(dir: string) {
  return read(dir, (db) => {
    const post = new Map((db.prepare(`select target_id, source_id from import_origins where kind = 'article'`).all() as { target_id: number; source_id: string }[])
      .map((r) => [r.target_id, r.source_id]))
    const named = (id: number) => post.get(id) ?? `other ${id}`
    const rows = <T>(q: string) => db.prepare(q).all() as T[]
    return {
      live: rows<{ article_id: number; slug: string; published_at: number }>('select article_id, slug, published_at from article_live order by article_id')
        .map((r) => [named(r.article_id), r.slug, r.published_at]),
      search: rows<{ n: number }>('select count(*) as n from search_fts')[0]!.n,
      redirects: rows<{ from_path: string; to_article_id: number }>('select from_path, to_article_id from redirects order by from_path')
        .map((r) => [r.from_path, named(r.to_article_id)]),
      documents: rows<{ value: number }>(`select value from related_state where key = 'documents'`)[0]?.value,
      df: rows<{ term: string; df: number }>('select term, df from related_df order by term').map((r) => `${r.term} ${r.df}`),
      terms: rows<{ article_id: number; term: string; weight: number }>('select article_id, term, weight from related_terms order by article_id, term')
        .map((r) => `${named(r.article_id)} ${r.term} ${r.weight}`),
      lists: rows<{ article_id: number; rank: number; related_id: number; score: number }>('select article_id, rank, related_id, score from related_lists order by article_id, rank')
        .map((r) => `${named(r.article_id)} ${r.rank} ${named(r.related_id)} ${r.score}`),
      pending: rows<{ n: number }>('select count(*) as n from related_pending')[0]!.n,
    }
  })
}

/** Starts the import and kills it with SIGKILL as soon as `when` holds of its database; returns whether it was killed. */
async function importKilledWhen(dir: string, file: string, when: (db: SQLite.Database) => boolean): Promise<boolean> {
  const child = spawn(process.execPath, [MAIN_SCRIPT, 'import', 'wordpress', file, '--batch', '10'], { env: { ...ENV, DATA_DIR: dir }, stdio: 'ignore' })
  const exited = once(child, 'exit')
  let done = false
  void exited.then(() => {
    done = true
  })
  while (!done) {
    if (read(dir, when)) {
      child.kill('SIGKILL')
      break
    }
    await new Promise((r) => setTimeout(r, 2))
  }
  const [code, signal] = await exited
  return code === null && signal === 'SIGKILL'
}

const count = (db: SQLite.Database, q: string): number => (db.prepare(q).get() as { n: number }).n

test('an import killed among its batches or in its related-articles pass, and run again, ends as one never killed', async (t) => {
  const dir = await tempDir(t)
  const file = path.join(dir, 'export.wxr')
  await writeWxr(file, POSTS, 7)
  const whole = path.join(dir, 'whole')
  assert.equal(runBroadsheet(['import', 'wordpress', file, '--batch', '10'], { DATA_DIR: whole }).code, 0)
  const expected = snapshot(whole)!
  assert.equal(expected.live.length, POSTS)
  assert.equal(expected.pending, 0)
  assert.ok(expected.lists.length > POSTS, 'the articles have related lists')

  const points: Record<string, (db: SQLite.Database) => boolean> = {
    'among the batches': (db) => count(db, 'select count(*) as n from article_live') >= POSTS / 3,
    'once terms were counted': (db) => count(db, 'select count(*) as n from related_pending where stage = 1') > 0,
    'once terms were weighed': (db) => count(db, 'select count(*) as n from related_pending where stage = 2') > 0,
  }
  for (const [where, when] of Object.entries(points)) {
    const site = path.join(dir, where.replace(/\s+/g, '-'))
    const killed = await importKilledWhen(site, file, when)
    if (!killed) {
      t.diagnostic(`the import ended before it could be killed ${where}`)
      continue
    }
    const left = snapshot(site)!
    assert.ok(left.pending > 0 || left.live.length < POSTS, `work was left ${where}`)
    const again = runBroadsheet(['import', 'wordpress', file, '--batch', '10'], { DATA_DIR: site })
    assert.equal(again.code, 0, again.stderr)
    assert.deepEqual(snapshot(site), expected, `killed ${where}`)
  }
})
