// The one pino root logger; modules take children of it.

import { pino, type Logger } from 'pino'
import type { Config } from './config.ts'

export type Log = Logger

/** The root logger, with cookies and credentials redacted. */
export const createLogger = (config: Pick<Config, 'logLevel'>): Log =>
  pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  })
