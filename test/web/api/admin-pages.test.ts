// The Admin API's static pages and section flag: the page tree through editorial/pages.ts (permission, audit, 301s on
// a move, 410 after a deletion) and allow_unsigned through the sections use-case, on both engines.

import assert from 'node:assert/strict'
import { api, apiNewsroom, forEachEngine } from '../../support/admin-api.ts'

forEachEngine('the Admin API lists, creates, changes, publishes, moves and deletes static pages; a deleted page answers 410', async (a) => {
  const { users } = await apiNewsroom(a)
  const editor = users.editor
  const post = (payload: Record<string, unknown>, user = editor) => api(a, user, { method: 'POST', url: '/api/v1/admin/pages', payload })

  // Contributors and authors manage no pages: refused, and nothing is made.
  for (const role of ['contributor', 'author'] as const) {
    assert.equal((await post({ title: 'Nope' }, users[role])).statusCode, 403, role)
    assert.equal((await api(a, users[role], { url: '/api/v1/admin/pages' })).statusCode, 403, role)
  }
  // Bad input: 400 naming the field, nothing made.
  const before = (await api(a, editor, { url: '/api/v1/admin/pages' })).json().items.length
  for (const [payload, field] of [[{}, 'title'], [{ title: 'x'.repeat(201) }, 'title'], [{ title: 'A', slug: 'Not a slug' }, 'slug'], [{ title: 'A', status: 'live' }, 'status'], [{ title: 'A', parent: 999 }, 'parent'], [{ title: 'A', colour: 'red' }, 'colour']] as const) {
    const res = await post(payload)
    assert.equal(res.statusCode, 400, JSON.stringify(payload))
    assert.equal(res.json().error.field, field, JSON.stringify(payload))
  }
  assert.equal((await api(a, editor, { url: '/api/v1/admin/pages' })).json().items.length, before)

  const about = await post({ title: 'About the paper', slug: 'about-paper', body_html: '<p>Who we are.<script>x</script></p>', status: 'published' })
  assert.equal(about.statusCode, 201, about.body)
  assert.equal(about.headers.location, `/api/v1/admin/pages/${about.json().id}`)
  assert.deepEqual({ ...(about.json() as object), id: 0, created_at: '', updated_at: '', published_at: '' }, {
    id: 0, parent: null, slug: 'about-paper', path: '/about-paper', title: 'About the paper', language: 'en', status: 'published',
    created_at: '', updated_at: '', published_at: '', body_html: '<p>Who we are.</p>',
  })
  const team = await post({ title: 'Our team', parent: about.json().id })
  assert.equal(team.statusCode, 201, team.body)
  assert.deepEqual([team.json().path, team.json().status], ['/about-paper/our-team', 'draft'])
  assert.equal((await a.app.inject('/about-paper/our-team')).statusCode, 404, 'a draft is not on the site')

  // PATCH changes the fields sent and publishes; the rest keep their values.
  const published = await api(a, editor, { method: 'PATCH', url: `/api/v1/admin/pages/${team.json().id}`, payload: { body_html: '<p>Ten people.</p>', status: 'published' } })
  assert.equal(published.statusCode, 200, published.body)
  assert.deepEqual([published.json().title, published.json().body_html, published.json().status], ['Our team', '<p>Ten people.</p>', 'published'])
  assert.match((await a.app.inject('/about-paper/our-team')).body, /Ten people\./)
  const list = (await api(a, editor, { url: '/api/v1/admin/pages' })).json().items as { path: string }[]
  assert.ok(list.findIndex((p) => p.path === '/about-paper') < list.findIndex((p) => p.path === '/about-paper/our-team'), 'parents first')

  // A new slug moves the page and its children, leaving 301s.
  const moved = await api(a, editor, { method: 'PATCH', url: `/api/v1/admin/pages/${about.json().id}`, payload: { slug: 'about' } })
  assert.equal(moved.statusCode, 200, moved.body)
  assert.equal(moved.json().path, '/about')
  const old = await a.app.inject('/about-paper/our-team')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/about/our-team')

  // Deleting: refused while a page sits below, then 204; the published address answers 410 Gone.
  const refused = await api(a, editor, { method: 'DELETE', url: `/api/v1/admin/pages/${about.json().id}` })
  assert.equal(refused.statusCode, 409)
  assert.equal((await api(a, editor, { method: 'DELETE', url: `/api/v1/admin/pages/${team.json().id}` })).statusCode, 204)
  assert.equal((await api(a, editor, { url: `/api/v1/admin/pages/${team.json().id}` })).statusCode, 404)
  assert.equal((await a.app.inject('/about/our-team')).statusCode, 410)
  // A page published there again takes its address back.
  const again = await post({ title: 'Our team', parent: about.json().id, status: 'published' })
  assert.equal(again.statusCode, 201, again.body)
  assert.equal((await a.app.inject('/about/our-team')).statusCode, 200)

  // Taking a page off the site leaves a 410 too, as an unpublished article does.
  const draft = await api(a, editor, { method: 'PATCH', url: `/api/v1/admin/pages/${again.json().id}`, payload: { status: 'draft' } })
  assert.equal(draft.json().status, 'draft')
  assert.equal((await a.app.inject('/about/our-team')).statusCode, 410)
  // A page never published leaves nothing behind.
  const never = await post({ title: 'Never shown' })
  assert.equal((await api(a, editor, { method: 'DELETE', url: `/api/v1/admin/pages/${never.json().id}` })).statusCode, 204)
  assert.equal((await a.app.inject('/never-shown')).statusCode, 404)

  const actions = (await a.store.audit.list({ limit: 50 })).filter((e) => e.subjectType === 'page').map((e) => e.action)
  for (const action of ['page.create', 'page.update', 'page.publish', 'page.move', 'page.delete', 'page.unpublish']) assert.ok(actions.includes(action), action)
})

forEachEngine('a section\'s allow_unsigned is set on create and changed with PATCH through the Admin API, for editors and admins only', async (a) => {
  const { users } = await apiNewsroom(a)
  const created = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/sections', payload: { name: 'Statements', slug: 'statements', allow_unsigned: true } })
  assert.equal(created.statusCode, 201, created.body)
  assert.equal(created.json().allow_unsigned, true)
  const id = created.json().id as number
  assert.equal((await a.store.taxonomy.sectionBySlug('statements'))?.allowUnsigned, true)

  assert.equal((await api(a, users.author, { method: 'PATCH', url: `/api/v1/admin/sections/${id}`, payload: { allow_unsigned: false } })).statusCode, 403)
  assert.equal((await api(a, users.editor, { method: 'PATCH', url: `/api/v1/admin/sections/${id}`, payload: { allow_unsigned: 'no' } })).statusCode, 400)
  assert.equal((await api(a, users.editor, { method: 'PATCH', url: '/api/v1/admin/sections/9999', payload: { allow_unsigned: false } })).statusCode, 404)
  assert.equal((await a.store.taxonomy.sectionBySlug('statements'))?.allowUnsigned, true, 'refused changes change nothing')

  const patched = await api(a, users.editor, { method: 'PATCH', url: `/api/v1/admin/sections/${id}`, payload: { allow_unsigned: false } })
  assert.equal(patched.statusCode, 200, patched.body)
  assert.deepEqual([patched.json().name, patched.json().slug, patched.json().allow_unsigned], ['Statements', 'statements', false])
  const listed = (await api(a, users.editor, { url: '/api/v1/admin/sections' })).json().items.find((s: { slug: string }) => s.slug === 'statements')
  assert.equal(listed.allow_unsigned, false)
  // An unsigned article can no longer be published there.
  const article = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'A statement', section: 'statements' } })
  const publish = await api(a, users.editor, { method: 'POST', url: `/api/v1/admin/articles/${article.json().id}/publish`, payload: {} })
  assert.equal(publish.statusCode, 400, publish.body)
  assert.equal(publish.json().error.field, 'authors')
  const entry = (await a.store.audit.list({ limit: 5 })).find((e) => e.action === 'section.update')
  assert.deepEqual(entry?.details.allowUnsigned, false)
})
