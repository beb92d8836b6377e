// The desk's audit log: editors and admins read it, newest first, filtered by user and action, paged.

import assert from 'node:assert/strict'
import { deskNewsroom, forEachEngine } from '../../support/desk-newsroom.ts'

const rows = (body: string): number[] => [...body.matchAll(/data-audit="(\d+)"/g)].map((m) => Number(m[1]))

forEachEngine('the audit log is for editors and admins', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  assert.equal((await d.get('/desk/audit', d.contributor)).statusCode, 403)
  assert.equal((await d.get('/desk/audit', d.author)).statusCode, 403)
  assert.equal((await d.get('/desk/audit', d.editor)).statusCode, 200)
  assert.equal((await d.get('/desk/audit', d.owner)).statusCode, 200)
})

forEachEngine('the audit log lists changes newest first, filters by user and action, and pages back', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  await d.post('/desk/front/picks/add', { article: String(d.news.related) })
  await d.post('/desk/front/lead', { lead: String(d.news.related) })
  const page = await d.get('/desk/audit', d.editor)
  assert.equal(page.statusCode, 200)
  const ids = rows(page.body)
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first')
  assert.match(page.body, /<td>Editor User<\/td><td><code>front\.lead-pin<\/code><\/td><td>article \d+<\/td>/)

  const byAction = await d.get('/desk/audit?action=front.pick-add', d.editor)
  assert.equal(rows(byAction.body).length, 1)
  assert.match(byAction.body, /<option value="front.pick-add" selected>/)
  const byUser = await d.get(`/desk/audit?user=${d.editorId}`, d.editor)
  assert.ok(rows(byUser.body).length >= 2)
  assert.doesNotMatch(byUser.body, /session\.login<\/code><\/td><td>session[\s\S]*Olga Owner/)
  assert.equal(rows((await d.get('/desk/audit?user=&action=', d.editor)).body).length, ids.length, 'empty filters mean any')
  for (const bad of ['/desk/audit?user=abc', '/desk/audit?before=0', '/desk/audit?action=%3Cscript%3E']) {
    assert.equal((await d.get(bad, d.editor)).statusCode, 400, bad)
  }

  for (let i = 0; i < 60; i++) await d.a.store.audit.record({ userId: null, action: 'test.filler', subjectType: null, subjectId: null, details: { i }, at: i })
  const first = await d.get('/desk/audit?action=test.filler', d.editor)
  assert.equal(rows(first.body).length, 50)
  const older = /rel="next" href="([^"]+)"/.exec(first.body)![1]!.replace(/&amp;/g, '&')
  const second = await d.get(older, d.editor)
  assert.equal(rows(second.body).length, 10)
  assert.ok(Math.max(...rows(second.body)) < Math.min(...rows(first.body)))
})
