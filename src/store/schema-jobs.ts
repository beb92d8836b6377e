// The tables of work done in the background (outboxes, leases, desk imports), apart from schema.ts to keep each file
// readable.

import type { Generated } from 'kysely'

/** The mail outbox: one message, with the outcome of its last attempt; bodies are emptied once it is sent or given up. */
export interface MailOutboxTable {
  id: Generated<number>
  kind: string
  recipient: string
  subject: string
  text_body: string
  html_body: string
  status: string
  attempts: number
  next_attempt_at: number
  last_error: string | null
  created_at: number
  updated_at: number
  sent_at: number | null
}

/** A purge by key waiting for the CDN, or sent (migration 0030). */
export interface CdnPurgesTable { id: Generated<number>; purge_keys: string; keys_hash: string; status: string; attempts: Generated<number>
  next_attempt_at: number; last_error: string | null; created_at: number; updated_at: number }

/** Who runs a single-runner job until when (migration 0030). */
export interface JobLeasesTable { name: string; holder: string; lease_until: number }

/** An import started from the desk, run as a job (migration 0020). */
export interface ImportJobsTable {
  id: Generated<number>
  source: string
  file_path: string
  file_name: string
  file_bytes: number
  options: string
  dry_run: number
  status: string
  active: number | null
  created_by: number | null
  created_at: number
  updated_at: number
  started_at: number | null
  finished_at: number | null
  lease_until: number | null
  attempts: Generated<number>
  done_items: Generated<number>
  progress: Generated<number>
  report: string | null
  error: string | null
  stop_requested_at: number | null
  /** Decrypts the upload in the media store (0040); null for an upload kept on local disk before it. */
  file_secret: string | null
}
