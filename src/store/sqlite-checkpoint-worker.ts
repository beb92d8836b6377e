// The SQLite checkpointer's thread: copies the write-ahead log into the database file on its own connection, off the event loop.

import SQLite from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'

const { file, everyMs } = workerData as { file: string; everyMs: number }
const db = new SQLite(file)
// PASSIVE never waits for the writer or for readers: what it cannot copy now it copies on a later turn.
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // A busy or failing file is the main connection's to report; its own automatic checkpoint is the fallback.
  }
}, everyMs)

parentPort?.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort?.close()
})
