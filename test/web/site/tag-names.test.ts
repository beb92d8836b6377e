// A tag's name per site language, on both engines: edited in the desk's tag form and through the Admin API, shown on
// /ru tag pages, tag links, feeds and search filters, the tag's own name wherever it has none; migration 0036's down step.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { onBothEngines } from '../../support/both-engines.ts'
import { apiUser, api } from '../../support/admin-api.ts'
import { cookieHeader, csrfOf, postForm, setupOwner } from '../../support/desk.ts'
import { forEachEngine } from '../../support/databases.ts'
import { scratchMigrator } from '../../support/migrations.ts'
import { seedNewsroom } from '../../support/web.ts'
import { setSiteLanguages } from '../../support/seed.ts'
import type { TestApp } from '../../support/build-test-app.ts'
import { upgradeLine } from '../../../src/domain/export-format.ts'

async function bilingual(a: TestApp) {
  await seedNewsroom(a.store)
  await setSiteLanguages(a.store, ['en', 'ru'])
  const owner = await setupOwner(a)
  const energy = (await a.store.taxonomy.tagBySlug('energy'))!
  return { owner, energy }
}

const get = async (a: TestApp, url: string, cookies?: Record<string, string>) => {
  const res = await a.app.inject({ url, ...(cookies && { headers: { cookie: cookieHeader(cookies) } }) })
  assert.equal(res.statusCode, 200, url)
  return res.body
}
const title = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? ''
const h1 = (body: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1] ?? ''

onBothEngines('the desk names a tag in Russian: /ru tag pages, tag links and feeds show it, English pages keep their own', async (a) => {
  const { owner, energy } = await bilingual(a)
  const form = await get(a, `/desk/tags/${energy.id}`, owner)
  assert.match(form, /<input id="edit-name-ru" name="name_ru" type="text" value=""/)
  const saved = await postForm(a, `/desk/tags/${energy.id}`, {
    _csrf: csrfOf(form), name: 'Energy', slug: 'energy', kind: 'topic', parent: '', isoCode: '', description: '', name_ru: ' Энергетика ',
  }, owner)
  assert.equal(saved.statusCode, 303, saved.body)
  assert.deepEqual(await a.store.taxonomy.tagNames(energy.id), { ru: 'Энергетика' })
  assert.match(await get(a, `/desk/tags/${energy.id}`, owner), /name="name_ru" type="text" value="Энергетика"/)

  const ru = await get(a, '/ru/tag/energy')
  assert.match(title(ru), /Энергетика/)
  assert.match(h1(ru), /Энергетика/)
  const en = await get(a, '/tag/energy')
  assert.match(h1(en), /Energy/)
  assert.doesNotMatch(en, /Энергетика/)
  // A tag with no Russian name keeps its own on /ru.
  assert.match(h1(await get(a, '/ru/tag/elections')), /Elections/)
  // Tag links on the Russian article, and the English one's.
  assert.match(await get(a, '/ru/opinion/pochemu-sdelka-vazhna'), /<a[^>]*href="\/ru\/tag\/energy"[^>]*>Энергетика<\/a>/)
  const enArticle = await get(a, '/opinion/energy-deal-matters')
  assert.match(enArticle, /<a[^>]*href="\/tag\/energy"[^>]*>Energy<\/a>/)
  assert.doesNotMatch(enArticle, /Энергетика/)
  // The language's feeds.
  assert.match(/<title>([^<]*)<\/title>/.exec(await get(a, '/ru/tag/energy/rss.xml'))![1]!, /Энергетика/)
  assert.doesNotMatch(await get(a, '/tag/energy/rss.xml'), /Энергетика/)

  // An empty field takes the name away again.
  const cleared = await postForm(a, `/desk/tags/${energy.id}`, {
    _csrf: csrfOf(form), name: 'Energy', slug: 'energy', kind: 'topic', parent: '', isoCode: '', description: '', name_ru: '',
  }, owner)
  assert.equal(cleared.statusCode, 303, cleared.body)
  assert.deepEqual(await a.store.taxonomy.tagNames(energy.id), {})
  assert.match(h1(await get(a, '/ru/tag/energy')), /Energy/)

  // The new-tag form has the field too.
  const list = await get(a, '/desk/tags', owner)
  assert.match(list, /<input id="new-name-ru" name="name_ru"/)
  const created = await postForm(a, '/desk/tags', { _csrf: csrfOf(list), name: 'Pipelines', slug: 'pipelines', kind: 'topic', parent: '', isoCode: '', description: '', name_ru: 'Трубопроводы' }, owner)
  assert.equal(created.statusCode, 303, created.body)
  assert.deepEqual(await a.store.taxonomy.tagNames((await a.store.taxonomy.tagBySlug('pipelines'))!.id), { ru: 'Трубопроводы' })
})

onBothEngines('bad tag names are refused and change nothing; names of the default or an unknown language too', async (a) => {
  const { owner, energy } = await bilingual(a)
  await a.store.taxonomy.setTagNames(energy.id, { ru: 'Энергетика' })
  const csrf = csrfOf(await get(a, `/desk/tags/${energy.id}`, owner))
  const base = { _csrf: csrf, name: 'Energy', slug: 'energy', kind: 'topic', parent: '', isoCode: '', description: '' }
  const long = await postForm(a, `/desk/tags/${energy.id}`, { ...base, name_ru: 'э'.repeat(101) }, owner)
  assert.equal(long.statusCode, 400)
  assert.match(long.body, /aria-invalid="true"[^>]*>|name_ru/)
  for (const language of ['en', 'de']) {
    const res = await postForm(a, `/desk/tags/${energy.id}`, { ...base, [`name_${language}`]: 'Energie' }, owner)
    assert.equal(res.statusCode, 400, language)
  }
  assert.deepEqual(await a.store.taxonomy.tagNames(energy.id), { ru: 'Энергетика' })

  const admin = await apiUser(a, 'admin')
  for (const names of [{ de: 'Wahlen' }, { en: 'Wahlen' }, ['ru'], { ru: 'x'.repeat(101) }]) {
    const res = await api(a, admin, { method: 'POST', url: '/api/v1/admin/tags', payload: { name: 'Wahlen', slug: 'wahlen', names } })
    assert.equal(res.statusCode, 400, JSON.stringify(names))
  }
  assert.equal(await a.store.taxonomy.tagBySlug('wahlen'), undefined)
})

onBothEngines('the Admin API creates a tag with its names and lists them, as the Content API does; search filters on /ru use them', async (a) => {
  const { energy } = await bilingual(a)
  const admin = await apiUser(a, 'admin')
  const res = await api(a, admin, { method: 'POST', url: '/api/v1/admin/tags', payload: { name: 'Pipelines', slug: 'pipelines', names: { ru: 'Трубопроводы' } } })
  assert.equal(res.statusCode, 201, res.body)
  assert.deepEqual(res.json().names, { ru: 'Трубопроводы' })
  await a.store.taxonomy.setTagNames(energy.id, { ru: 'Энергетика' })
  const list = (await api(a, admin, { url: '/api/v1/admin/tags' })).json() as { items: { slug: string; names: Record<string, string> }[] }
  assert.deepEqual(list.items.find((t) => t.slug === 'energy')?.names, { ru: 'Энергетика' })
  assert.deepEqual(list.items.find((t) => t.slug === 'elections')?.names, {})
  // The Content API lists the names of public tags too, for a front end built on it.
  const content = (await a.app.inject('/api/v1/tags')).json() as { items: { slug: string; names: Record<string, string> }[] }
  assert.deepEqual(content.items.find((t) => t.slug === 'energy')?.names, { ru: 'Энергетика' })

  const ru = await get(a, '/ru/search?q=%D1%81%D0%B4%D0%B5%D0%BB%D0%BA%D0%B0')
  assert.match(ru, /Энергетика/, 'the tag filter of /ru search is named in Russian')
  assert.doesNotMatch(await get(a, '/search?q=energy'), /Энергетика/)
})

forEachEngine('migration 0036 adds tag_names, and its down step takes it away', async (t, engine) => {
  const { db, migrator, before } = await scratchMigrator(t, engine)
  const has = () => sql`select count(*) as n from tag_names`.execute(db).then(() => true, () => false)
  assert.ok(await has())
  const down = await migrator.migrateTo(before('0036-tag-names'))
  assert.equal(down.error, undefined)
  assert.equal(await has(), false)
  assert.equal((await migrator.migrateToLatest()).error, undefined)
  assert.ok(await has())
})

test('an export line of a tag without names (written before they existed) reads as having none', () => {
  const line = { id: 1, slug: 'energy', name: 'Energy', kind: 'topic', parent_id: null, iso_code: null, description: '' }
  assert.deepEqual(upgradeLine(3, 'tags', line).names, [])
  assert.deepEqual(upgradeLine(3, 'tags', { ...line, names: [{ language: 'ru', name: 'Энергетика' }] }).names, [{ language: 'ru', name: 'Энергетика' }])
})
