// The menu use-case owns its permission check (editorial/permission.ts, like the pages use-case): the same answer and
// message for the desk, the command line's operator and any other door, and an audit record naming who saved.

import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { OPERATOR } from '../../src/editorial/permission.ts'

onBothEngines('only editors, admins and the operator change the menu; others are refused before anything is read or written', async (a) => {
  const { menuDesk } = a.services
  const rows = [{ label: 'About', href: '/about' }]
  for (const role of ['contributor', 'author'] as const) {
    const actor = { userId: 7, role }
    for (const call of [() => menuDesk.items(actor), () => menuDesk.choices(actor), () => menuDesk.save(actor, rows)]) {
      await assert.rejects(call(), (e: Error & { kind?: string }) => e.kind === 'Forbidden' && e.message === `the ${role} role may not change the menu`)
    }
  }
  assert.deepEqual((await a.services.site.get()).settings.menu, [], 'nothing was saved')
  const user = await a.services.accounts.createUser({ email: 'ed@news.example', name: 'Ed', role: 'editor', password: 'a long enough password' }, null)
  assert.deepEqual(await menuDesk.save({ userId: user.id, role: 'editor' }, rows), [{ label: 'About', href: '/about' }])
  assert.deepEqual(await menuDesk.save(OPERATOR, [...rows, { label: 'Search', href: '/search' }]), [{ label: 'About', href: '/about' }, { label: 'Search', href: '/search' }])
  const entries = (await a.store.audit.list({ limit: 5 })).filter((e) => e.action === 'menu.update')
  assert.deepEqual(entries.map((e) => e.userId), [null, user.id])
})
