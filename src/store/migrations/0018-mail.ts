// Outgoing mail: the outbox the delivery job works through, and one-time account links (invitations, password resets).

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates mail_outbox and account_links. */
export const mail = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // One row per message, written in the transaction of the action that causes it; the job sends it after commit.
    // The bodies are emptied once the message is sent or given up: a one-time link does not stay here in clear.
    await db.schema.createTable('mail_outbox')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', big, (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .addColumn('sent_at', big)
      .execute()
    // Claiming reads due pending rows in time order, as webhook_deliveries_due does.
    await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at', 'id']).execute()

    // Only the sha256 of a link's token is kept. purpose 'invite' carries the invited email, name and role (the user
    // is created when the link is used); 'reset' carries the user. A link works once, until expires_at.
    await db.schema.createTable('account_links')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('invite', 'reset')`))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('role', 'text')
      .addColumn('user_id', big, (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('created_by', big, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('expires_at', big, (c) => c.notNull())
      .addColumn('used_at', big)
      .execute()
    // A new link replaces the unused ones of the same purpose and email; the users page lists pending invitations.
    await db.schema.createIndex('account_links_email').on('account_links').columns(['purpose', 'email']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('account_links').execute()
    await db.schema.dropTable('mail_outbox').execute()
  },
})
