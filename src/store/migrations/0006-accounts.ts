// Desk accounts: users, sessions, login slowing, API tokens, the audit log, and who created each article.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates the account tables and adds `articles.created_by`. */
export const accounts = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // Emails are stored lower-cased, so the unique constraint is case-insensitive.
    await db.schema.createTable('users')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('contributor', 'author', 'editor', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()

    // The id is the sha256 of the cookie's token: a leaked table holds no usable session.
    await db.schema.createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('last_seen_at', big, (c) => c.notNull())
      .addColumn('expires_at', big, (c) => c.notNull())
      .addColumn('revoked_at', big)
      .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('ip_hash', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
    await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id', 'revoked_at']).execute()

    // key is 'email:<email>' or 'ip:<hash>'; locked_until is set when the window's failures reach the limit.
    await db.schema.createTable('login_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', big, (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('locked_until', big)
      .execute()

    await db.schema.createTable('api_tokens')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('last_used_at', big)
      .addColumn('revoked_at', big)
      .execute()

    await db.schema.createTable('audit_log')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('user_id', big, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text')
      .addColumn('subject_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('at', big, (c) => c.notNull())
      .execute()
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute()

    // Null for imported articles and those made before accounts existed; "own drafts" compare it with the viewer.
    await db.schema.alterTable('articles').addColumn('created_by', big, (c) => c.references('users.id').onDelete('set null')).execute()
    await db.schema.createIndex('articles_created_by').on('articles').columns(['created_by', 'modified_at']).execute()
  },
})
