// Translations on both engines: Add translation (use-case and Admin API), linking and unlinking groups, and their rules.

import assert from 'node:assert/strict'
import { api, apiNewsroom, createViaApi, forEachEngine } from '../support/admin-api.ts'
import { seedArticle } from '../support/seed.ts'
import type { TestApp } from '../support/build-test-app.ts'

const ARTICLES = '/api/v1/admin/articles'
const editorOf = (users: { editor: { id: number } }) => ({ userId: users.editor.id, role: 'editor' as const })

/** A published English article with tags, authors and a standfirst, made through the editor's Admin API. */
async function original(a: TestApp, n: Awaited<ReturnType<typeof apiNewsroom>>, fields: Record<string, unknown> = {}): Promise<number> {
  const { id } = await createViaApi(a, n.users.editor, {
    title: 'Election results announced', standfirst: 'Turnout was high.', body_html: '<p>The commission counted every ballot.</p>',
    section: 'news', genre: 'news', tags: ['elections', 'kazakhstan'], authors: ['aigerim-sadykova'], language: 'en', ...fields,
  })
  return id
}

forEachEngine('Add translation makes a linked draft in the other language, prefilled, with an audit record', async (a) => {
  const n = await apiNewsroom(a)
  const id = await original(a, n)
  const { id: ru } = await a.services.translations.add(id, 'ru', editorOf(n.users))
  const draft = (await a.store.revisions.snapshotOf(ru))!.snapshot
  assert.equal((await a.store.articles.get(ru))!.status, 'draft')
  assert.deepEqual(
    { title: draft.title, standfirst: draft.standfirst, body: draft.bodyHtml, section: draft.section, tags: draft.tags, authors: draft.authors, language: draft.language },
    { title: 'Election results announced', standfirst: 'Turnout was high.', body: '<p>The commission counted every ballot.</p>', section: 'news', tags: ['elections', 'kazakhstan'], authors: ['aigerim-sadykova'], language: 'ru' },
  )
  assert.equal(await a.store.deskArticles.createdBy(ru), n.users.editor.id)
  const versions = await a.services.translations.versions(id, editorOf(n.users))
  assert.deepEqual(versions.map((v) => [v.id, v.language, v.status]), [[id, 'en', 'draft'], [ru, 'ru', 'draft']])
  assert.deepEqual(await a.services.translations.versions(ru, editorOf(n.users)), versions)
  const [entry] = await a.store.audit.list({ limit: 1, action: 'article.translate' })
  assert.equal(entry?.subjectId, String(ru))
  assert.deepEqual(entry?.details, { translation_of: id, language: 'ru' })
})

forEachEngine('a group holds one article per language: a second Russian version or the original’s language is a 409', async (a) => {
  const n = await apiNewsroom(a)
  const id = await original(a, n)
  const { id: ru } = await a.services.translations.add(id, 'ru', editorOf(n.users))
  await assert.rejects(a.services.translations.add(id, 'ru', editorOf(n.users)), { kind: 'Conflict', field: 'language' })
  await assert.rejects(a.services.translations.add(ru, 'en', editorOf(n.users)), { kind: 'Conflict', field: 'language' })
  await assert.rejects(a.services.translations.add(id, 'klingon', editorOf(n.users)), { kind: 'Invalid', field: 'language' })
  await assert.rejects(a.services.translations.add(id, 'xx', editorOf(n.users)), { kind: 'Invalid', field: 'language' })
  await assert.rejects(a.services.translations.add(999_999, 'kk', editorOf(n.users)), { kind: 'NotFound' })
  // A contributor may not translate someone else's article (they may not open it).
  await assert.rejects(a.services.translations.add(id, 'kk', { userId: n.users.contributor.id, role: 'contributor' }), { kind: 'Forbidden' })
  assert.equal((await a.services.translations.versions(id, editorOf(n.users))).length, 2, 'nothing was created')
})

forEachEngine('link and unlink: never itself, never two articles of one language, and the others stay linked', async (a) => {
  const n = await apiNewsroom(a)
  const ed = editorOf(n.users)
  const en = await original(a, n)
  const en2 = await original(a, n, { title: 'Another English piece' })
  const ru = await original(a, n, { title: 'Итоги выборов', language: 'ru' })
  const kk = await original(a, n, { title: 'Сайлау қорытындысы', language: 'kk' })
  await assert.rejects(a.services.translations.link(en, en, ed), { kind: 'Invalid', field: 'translation_of' })
  await assert.rejects(a.services.translations.link(en2, en, ed), { kind: 'Conflict', field: 'language' })
  await assert.rejects(a.services.translations.link(en, 999_999, ed), { kind: 'Invalid', field: 'translation_of' })
  await assert.rejects(a.services.translations.unlink(en, ed), { kind: 'Conflict' })
  assert.deepEqual((await a.services.translations.link(ru, en, ed)).map((v) => v.id), [en, ru])
  assert.deepEqual((await a.services.translations.link(kk, ru, ed)).map((v) => v.id), [en, ru, kk])
  // The group's first article leaves: the others stay one group.
  await a.services.translations.unlink(en, ed)
  assert.deepEqual((await a.services.translations.versions(en, ed)).map((v) => v.id), [en])
  assert.deepEqual((await a.services.translations.versions(kk, ed)).map((v) => v.id), [ru, kk])
  // Now en2 may join: English is free in that group again.
  assert.deepEqual((await a.services.translations.link(en2, kk, ed)).map((v) => v.id), [en2, ru, kk].sort((x, y) => x - y))
  const actions = (await a.store.audit.list({ limit: 20 })).map((e) => e.action).filter((x) => x.startsWith('article.translation'))
  assert.deepEqual(actions.sort(), ['article.translation-link', 'article.translation-link', 'article.translation-link', 'article.translation-unlink'])
})

forEachEngine('linking published articles needs the right to publish, invalidates their pages and clears their related lists', async (a) => {
  const n = await apiNewsroom(a)
  const en = await seedArticle(a.store, { title: 'Caspian pipeline oil exports climb', bodyHtml: '<p>Caspian pipeline oil Kazakhstan record.</p>' })
  const ru = await seedArticle(a.store, { title: 'Caspian pipeline: oil exports', bodyHtml: '<p>Caspian pipeline oil Kazakhstan рекорд.</p>', language: 'ru' })
  const seen: number[][] = []
  const stop = a.store.invalidated.subscribe((e) => { if (!e.all) seen.push([...e.articleIds]) })
  // The Russian article, with no other Russian to relate to, falls back to English: the future original.
  assert.ok((await a.store.related.list(ru)).some((r) => r.relatedId === en))
  await assert.rejects(a.services.translations.link(ru, en, { userId: n.users.contributor.id, role: 'contributor' }), { kind: 'Forbidden' })
  await a.services.translations.link(ru, en, editorOf(n.users))
  assert.ok(!(await a.store.related.list(ru)).some((r) => r.relatedId === en), 'a translation is never related')
  assert.ok(!(await a.store.related.list(en)).some((r) => r.relatedId === ru))
  stop()
  assert.ok(seen.some((ids) => ids.includes(en) && ids.includes(ru)), 'both pages are invalidated')
  // The Content API returns an article's translations.
  const content = await a.app.inject('/api/v1/articles/news/caspian-pipeline-oil-exports-climb')
  assert.equal(content.statusCode, 200, content.body)
  assert.deepEqual(content.json().translations, [{ language: 'ru', path: '/ru/news/caspian-pipeline-oil-exports' }])
})

forEachEngine('the Admin API: translation_of on create, Add translation, link and unlink, with clear 4xx', async (a) => {
  const n = await apiNewsroom(a)
  const en = await original(a, n)
  const created = await api(a, n.users.editor, { method: 'POST', url: ARTICLES, payload: { title: 'Итоги', section: 'news', language: 'ru', translation_of: en } })
  assert.equal(created.statusCode, 201, created.body)
  const ru = created.json()
  assert.equal(ru.translation_group, en)
  assert.deepEqual(ru.translations.map((t: { id: number; language: string }) => [t.id, t.language]), [[en, 'en']])
  const twice = await api(a, n.users.editor, { method: 'POST', url: ARTICLES, payload: { title: 'Ещё итоги', section: 'news', language: 'ru', translation_of: en } })
  assert.equal(twice.statusCode, 409)
  assert.equal(twice.json().error.field, 'language')

  const added = await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${en}/translations`, payload: { language: 'kk' } })
  assert.equal(added.statusCode, 201, added.body)
  assert.equal(added.headers.location, `${ARTICLES}/${added.json().id}`)
  assert.equal(added.json().title, 'Election results announced')
  assert.equal(added.json().language, 'kk')
  for (const [payload, status, field] of [[{}, 400, 'language'], [{ language: 'nope' }, 400, 'language'], [{ language: 'ru' }, 409, 'language'], [{ language: 'kk', x: 1 }, 400, 'x']] as const) {
    const res = await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${en}/translations`, payload })
    assert.equal(res.statusCode, status, JSON.stringify(payload))
    assert.equal(res.json().error.field, field)
  }

  const other = await original(a, n, { title: 'Second English', language: 'en' })
  const self = await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${other}/translation-group`, payload: { translation_of: other } })
  assert.equal(self.statusCode, 400)
  assert.equal(self.json().error.field, 'translation_of')
  const sameLanguage = await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${other}/translation-group`, payload: { translation_of: en } })
  assert.equal(sameLanguage.statusCode, 409)
  const bad = await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${other}/translation-group`, payload: { translation_of: 'x' } })
  assert.equal(bad.statusCode, 400)
  assert.equal((await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/999999/translation-group`, payload: { translation_of: en } })).statusCode, 404)

  const unlinked = await api(a, n.users.editor, { method: 'DELETE', url: `${ARTICLES}/${ru.id}/translation-group` })
  assert.equal(unlinked.statusCode, 200, unlinked.body)
  assert.deepEqual(unlinked.json().translations, [])
  assert.equal((await api(a, n.users.editor, { method: 'DELETE', url: `${ARTICLES}/${ru.id}/translation-group` })).statusCode, 409)
  const relinked = await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${ru.id}/translation-group`, payload: { translation_of: en } })
  assert.equal(relinked.statusCode, 200, relinked.body)
  assert.equal(relinked.json().translations.length, 2)
  // A translation of itself through PATCH is refused too.
  const patch = await api(a, n.users.editor, { method: 'PATCH', url: `${ARTICLES}/${other}`, payload: { version: 1, translation_of: other } })
  assert.equal(patch.statusCode, 400)
})
