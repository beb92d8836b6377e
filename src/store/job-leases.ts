// Leases on jobs that only one instance should run at a time: taken in one statement, given back when the run ends.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export function createJobLeases(db: Kysely<Database>) {
  return {
    /**
     * Takes the lease on `name` for `holder` until `leaseUntil` when it is free, has run out at `now`, or is already
     * `holder`'s; true when taken. One upsert: two instances asking at once cannot both get it.
     */
    async acquire(name: string, holder: string, now: number, leaseUntil: number): Promise<boolean> {
      const row = await db.insertInto('job_leases').values({ name, holder, lease_until: leaseUntil })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), lease_until: eb.ref('excluded.lease_until') }))
          .where((eb) => eb.or([eb('job_leases.lease_until', '<=', now), eb('job_leases.holder', '=', holder)])))
        .returning('name').executeTakeFirst()
      return row !== undefined
    },

    /** Gives the lease back at `now` (the run ended), if `holder` still has it. */
    async release(name: string, holder: string, now: number): Promise<void> {
      await db.updateTable('job_leases').set({ lease_until: now }).where('name', '=', name).where('holder', '=', holder).execute()
    },

    /** Who holds the lease on `name` and until when; undefined when nobody ever took it. */
    async holderOf(name: string): Promise<{ holder: string; leaseUntil: number } | undefined> {
      const r = await db.selectFrom('job_leases').select(['holder', 'lease_until']).where('name', '=', name).executeTakeFirst()
      return r && { holder: r.holder, leaseUntil: r.lease_until }
    },
  }
}

export type JobLeases = ReturnType<typeof createJobLeases>
