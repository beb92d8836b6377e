// The `broadsheet` command: parses the command line and dispatches to one file per command.

import { parseArgs } from 'node:util'

/** What a command may need from the composition root (composition.ts), which alone builds the server. */
export interface CliDeps {
  /** Starts the server; resolves with an exit code once it has shut down. */
  start(env: NodeJS.ProcessEnv, opts: { readonly demo: boolean | undefined }): Promise<number>
}

type Command = (args: string[], env: NodeJS.ProcessEnv, deps: CliDeps) => Promise<number>

export const USAGE = `Usage: broadsheet <command> [options]

Commands:
  start [--no-demo]   migrate the database and serve the site (the default command); a new SQLite
                      site gets the demo newsroom, a new PostgreSQL one only with --demo
  migrate             bring the database schema up to date and exit
  seed-demo           fill an empty site with the demo newsroom
  webhook <sub>       manage webhook receivers, read the delivery log (add, list, remove, log, redeliver)
  user <sub>          desk users: create, reset-password (the password is asked for, or read from stdin)
  token <sub>         Admin API tokens: create (prints only the token), revoke
  preview <sub>       preview links: rotate-secret (every link made so far stops working)
  import wordpress F  import a WordPress export (WXR); --dry-run, --report FILE.json; safe to run again
  import ghost F      import a Ghost export (JSON, Ghost 3–6); the same flags, and --site-url URL
  export DIR          write the whole site into DIR (docs/EXPORT-FORMAT.md), media files included
  import broadsheet D read such an export into this empty site
  backup DIR          copy a running SQLite site (database and media) into DIR, itself a DATA_DIR
  media migrate       copy the media library to another store (--to s3://bucket/prefix); resumable
  help                show this help

Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, SITE_URL,
SITE_TIMEZONE, LOG_LEVEL, TRUST_PROXY, BROADSHEET_DEMO, SMTP_URL and MAIL_FROM (mail), MEDIA_STORE and
MEDIA_PUBLIC_URL (media; AWS_* for a bucket). See README.md.`

const start: Command = async (args, env, deps) => {
  const { values } = parseArgs({ args, options: { 'no-demo': { type: 'boolean' }, demo: { type: 'boolean' } }, strict: true, allowPositionals: false })
  const demo = values['no-demo'] ? false : values.demo ? true : undefined
  return deps.start(env, { demo })
}

const help: Command = async () => {
  console.log(USAGE)
  return 0
}

/**
 * A command whose module loads when it runs: the server starts far more often than any other command, and their
 * modules (the demo newsroom's texts, export and import, backup) would otherwise be loaded and compiled at every start.
 */
const later = (load: () => Promise<Command>): Command => async (args, env, deps) => (await load())(args, env, deps)

export const commands: Readonly<Record<string, Command>> = {
  start,
  migrate: later(async () => (await import('./migrate.ts')).migrateCommand),
  'seed-demo': later(async () => (await import('./seed-demo.ts')).seedDemoCommand),
  webhook: later(async () => (await import('./webhooks.ts')).webhookCommand),
  user: later(async () => (await import('./users.ts')).userCommand),
  token: later(async () => (await import('./tokens.ts')).tokenCommand),
  preview: later(async () => (await import('./preview.ts')).previewCommand),
  import: later(async () => (await import('./import.ts')).importCommand),
  export: later(async () => (await import('./export.ts')).exportCommand),
  backup: later(async () => (await import('./backup.ts')).backupCommand),
  media: later(async () => (await import('./media.ts')).mediaCommand),
  help,
}

/** Runs one command line; returns the process exit code (2 for usage errors). */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, deps: CliDeps): Promise<number> {
  const [first, ...rest] = argv
  if (first === '--help' || first === '-h') return help([], env, deps)
  // No command, or only flags, means start: `npm start -- --no-demo` works.
  const [name, args] = first === undefined || first.startsWith('-') ? ['start', [...argv]] : [first, rest]
  const command = commands[name]
  if (!command) {
    console.error(`broadsheet: unknown command "${name}". Run "broadsheet --help" for the list.`)
    return 2
  }
  try {
    return await command(args, env, deps)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`broadsheet ${name}: ${(err as Error).message}`)
      return 2
    }
    throw err
  }
}
