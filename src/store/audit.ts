// The audit log: who did what to which subject, and when.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface AuditEntry {
  readonly id: number
  readonly userId: number | null
  readonly action: string
  readonly subjectType: string | null
  readonly subjectId: string | null
  readonly details: Record<string, unknown>
  readonly at: number
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>

export function createAudit(db: Kysely<Database>) {
  return {
    async record(e: NewAuditEntry): Promise<void> {
      await db.insertInto('audit_log').values({
        user_id: e.userId, action: e.action, subject_type: e.subjectType, subject_id: e.subjectId, details: JSON.stringify(e.details), at: e.at,
      }).execute()
    },

    /** Entries newest first; `beforeId` pages back. */
    async list(opts: { readonly limit: number; readonly beforeId?: number; readonly userId?: number; readonly action?: string }): Promise<AuditEntry[]> {
      const rows = await db.selectFrom('audit_log').selectAll()
        .$if(opts.beforeId !== undefined, (q) => q.where('id', '<', opts.beforeId!))
        .$if(opts.userId !== undefined, (q) => q.where('user_id', '=', opts.userId!))
        .$if(opts.action !== undefined, (q) => q.where('action', '=', opts.action!))
        .orderBy('id', 'desc').limit(opts.limit).execute()
      return rows.map((r) => ({
        id: r.id, userId: r.user_id, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id,
        details: JSON.parse(r.details) as Record<string, unknown>, at: r.at,
      }))
    },

    /** Every action name the log holds, for the desk's filter. */
    async actions(): Promise<string[]> {
      return (await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()).map((r) => r.action)
    },
  }
}

export type Audit = ReturnType<typeof createAudit>
