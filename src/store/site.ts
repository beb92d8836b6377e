// Site settings: a key–value table of JSON values. Static pages are records of their own (pages.ts).

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export function createSite(db: Kysely<Database>) {
  return {
    /** Every setting, parsed. */
    async settings(): Promise<Record<string, unknown>> {
      const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]))
    },
    async setSetting(key: string, value: unknown): Promise<void> {
      const json = JSON.stringify(value)
      await db.insertInto('settings').values({ key, value: json })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json })).execute()
    },
    /** The value of `key`, first storing `value` if the key is absent; concurrent first calls all get the one stored value. */
    async settingOrInsert(key: string, value: unknown): Promise<unknown> {
      await db.insertInto('settings').values({ key, value: JSON.stringify(value) }).onConflict((oc) => oc.column('key').doNothing()).execute()
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()
      return JSON.parse(row.value) as unknown
    },
  }
}

export type Site = ReturnType<typeof createSite>
