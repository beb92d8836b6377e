// The newsletter tables of migration 0032, as Kysely sees them (schema.ts's Database names them).

import type { Generated } from 'kysely'

/** A newsletter the desk defines (migration 0032). */
export interface NewslettersTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  language: string
  sender_name: string
  sender_address: string
  reply_to: string | null
  cadence: string
  send_time: string | null
  send_weekday: number | null
  auto_send: number
  sections: string
  created_at: number
  updated_at: number
}

export interface NewsletterSubscribersTable {
  id: Generated<number>
  email: string
  source: string
  source_note: string
  created_at: number
  suppressed_at: number | null
  suppressed_reason: string | null
}

export interface NewsletterSubscriptionsTable {
  id: Generated<number>
  newsletter_id: number
  subscriber_id: number
  status: string
  confirm_token_hash: string | null
  confirm_expires_at: number | null
  created_at: number
  confirmed_at: number | null
  left_at: number | null
}

export interface NewsletterIssuesTable {
  id: Generated<number>
  newsletter_id: number
  status: string
  subject: string
  intro_html: string
  items: string
  created_by: number | null
  created_at: number
  updated_at: number
  queued_at: number | null
  recipients: Generated<number>
  slot: number | null
}

export interface NewsletterDeliveriesTable {
  id: Generated<number>
  issue_id: number
  subscriber_id: number
  status: Generated<string>
  attempts: Generated<number>
  next_attempt_at: number
  last_error: string | null
  sent_at: number | null
}


/** The newsletter tables, as the Database of schema.ts extends them. */
export interface NewsletterTables {
  newsletters: NewslettersTable
  newsletter_subscribers: NewsletterSubscribersTable
  newsletter_subscriptions: NewsletterSubscriptionsTable
  newsletter_issues: NewsletterIssuesTable
  newsletter_deliveries: NewsletterDeliveriesTable
}
