// The site's languages from the desk's settings page, on both engines: admins only, every row checked, the first row
// the default, and a language that still has articles kept with the count in the refusal.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { seedNewsroom } from '../../support/web.ts'
import { setSiteLanguages } from '../../support/seed.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

/** The languages form: `rows` as [tag, name, tagline], the CSRF token from the page. */
async function languagesForm(a: TestApp, cookies: Record<string, string>, rows: readonly (readonly [string, string?, string?])[]): Promise<Record<string, string>> {
  const form: Record<string, string> = { _csrf: csrfOf((await get(a, '/desk/settings', cookies)).body) }
  rows.forEach(([tag, name, description], i) => Object.assign(form, { [`lang_tag_${i}`]: tag, [`lang_name_${i}`]: name ?? '', [`lang_description_${i}`]: description ?? '' }))
  return form
}

const tags = async (a: TestApp) => (await a.services.site.get()).settings.languages.map((l) => [l.tag, l.prefix])

onBothEngines('an admin adds and renames languages; the first is the default and the site serves each under its prefix', async (a) => {
  await seedNewsroom(a.store)
  await setSiteLanguages(a.store, ['en', 'ru'])
  const owner = await setupOwner(a)
  const page = (await get(a, '/desk/settings', owner)).body
  assert.match(page, /id="lang-tag-0" name="lang_tag_0" type="text" value="en"/)
  assert.match(page, /id="lang-tag-1" name="lang_tag_1" type="text" value="ru"/)
  assert.match(page, /id="lang-tag-2" name="lang_tag_2" type="text" value=""/, 'an empty row to add a language')
  const saved = await postForm(a, '/desk/settings/languages', await languagesForm(a, owner, [['en', 'English'], ['ru', 'По-русски', 'Новости региона'], ['kk-Cyrl', '']]), owner)
  assert.equal(saved.statusCode, 303, saved.body)
  assert.equal(saved.headers.location, '/desk/settings?done=languages')
  assert.deepEqual(await tags(a), [['en', ''], ['ru', '/ru'], ['kk-Cyrl', '/kk']])
  const { languages } = (await a.services.site.get()).settings
  assert.equal(languages[1]!.name, 'По-русски')
  assert.equal(languages[1]!.description, 'Новости региона')
  assert.equal(languages[2]!.name, 'Қазақша', 'an empty name is the language\'s own name')
  assert.equal((await a.app.inject('/kk')).statusCode, 200)
  assert.match((await a.app.inject('/ru')).body, /По-русски|Новости региона/)
  // Reordering makes Russian the default: served without a prefix, English under /en.
  assert.equal((await postForm(a, '/desk/settings/languages', await languagesForm(a, owner, [['ru'], ['en'], ['kk-Cyrl']]), owner)).statusCode, 303)
  assert.deepEqual(await tags(a), [['ru', ''], ['en', '/en'], ['kk-Cyrl', '/kk']])
  assert.equal((await a.services.site.get()).settings.language, 'ru')
})

onBothEngines('bad language rows answer 400 at the field and change nothing', async (a) => {
  await setSiteLanguages(a.store, ['en', 'ru'])
  const owner = await setupOwner(a)
  for (const [rows, field] of [
    [[['english please']], 'lang-tag-0'], [[['en'], ['ru'], ['ru-RU']], 'lang-tag-2'], [[['en'], ['xx']], 'lang-tag-1'],
    [[['en'], ['', 'Name without a tag']], 'lang-tag-1'], [[['en'], ['ru', 'x'.repeat(61)]], 'lang-name-1'], [[['', ''], ['', '']], 'lang-tag-0'],
  ] as const) {
    const res = await postForm(a, '/desk/settings/languages', await languagesForm(a, owner, rows), owner)
    assert.equal(res.statusCode, 400, JSON.stringify(rows))
    assert.match(res.body, new RegExp(`id="${field}-error"`), JSON.stringify(rows))
  }
  assert.deepEqual(await tags(a), [['en', ''], ['ru', '/ru']])
})

onBothEngines('a language with articles cannot be taken off the site: 409 with the count; editors may not change languages', async (a) => {
  await seedNewsroom(a.store)
  await setSiteLanguages(a.store, ['en', 'ru', 'kk'])
  const owner = await setupOwner(a)
  const refused = await postForm(a, '/desk/settings/languages', await languagesForm(a, owner, [['en'], ['kk']]), owner)
  assert.equal(refused.statusCode, 409)
  assert.match(refused.body, /role="alert" id="languages-error">Русский \(ru\) still has \d+ articles?/)
  assert.match(refused.body, /value="kk"/, 'the form keeps what was typed')
  assert.deepEqual((await tags(a)).map(([t]) => t), ['en', 'ru', 'kk'])
  // Kazakh has no articles: it may go.
  assert.equal((await postForm(a, '/desk/settings/languages', await languagesForm(a, owner, [['en'], ['ru']]), owner)).statusCode, 303)
  assert.deepEqual((await tags(a)).map(([t]) => t), ['en', 'ru'])
  const editor = await userSession(a, 'editor')
  const csrf = csrfOf((await get(a, '/desk/account', editor.cookies)).body)
  assert.equal((await postForm(a, '/desk/settings/languages', { _csrf: csrf, lang_tag_0: 'ru' }, editor.cookies)).statusCode, 403)
  assert.equal((await postForm(a, '/desk/settings/languages', { ...(await languagesForm(a, owner, [['ru']])), _csrf: '' }, owner)).statusCode, 403)
  assert.equal((await a.services.site.get()).settings.language, 'en')
})
