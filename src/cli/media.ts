// `broadsheet media migrate --to s3://bucket/prefix`: copies the media library to another store, with a report.

import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, type MediaStoreConfig } from '../config.ts'
import { InputError, runSubcommand, UsageError, type Subcommands } from './subcommands.ts'

export const MEDIA_USAGE = `Usage: broadsheet media <subcommand> [options]

  migrate --to <store>   copy every original and variant from this site's media store (MEDIA_STORE, DATA_DIR/media
                         by default) to <store>: s3://bucket/prefix (endpoint, region and keys from AWS_ENDPOINT_URL,
                         AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or a folder. Nothing is deleted;
                         objects already there are skipped, so it can be run again after an interruption.
                         Then set MEDIA_STORE=<store> and restart every instance.`

/** Where `--to` points, validated as MEDIA_STORE would be, with the same AWS variables. */
function targetOf(to: string, env: NodeJS.ProcessEnv): MediaStoreConfig {
  if (to.trim() === '') throw new UsageError('--to needs a store: s3://bucket/prefix or a folder')
  try {
    return loadConfig({ ...env, MEDIA_STORE: to }).media.storage
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    // The target's own faults name --to; a missing or bad AWS variable is named as it is.
    throw new InputError(err.variable === 'MEDIA_STORE' ? `--to ${err.message.slice('MEDIA_STORE '.length)}` : err.message)
  }
}

const describe = (c: MediaStoreConfig): string => c.kind === 'fs' ? `folder ${c.dir}` : `s3://${c.bucket}/${c.prefix}`

const subcommands = (env: NodeJS.ProcessEnv): Subcommands => ({
  migrate(args) {
    const { values } = parseArgs({ args, options: { to: { type: 'string' } }, strict: true, allowPositionals: false })
    if (values.to === undefined) throw new UsageError('migrate needs --to <store>, e.g. --to s3://bucket/media')
    const target = targetOf(values.to, env)
    return async ({ config, mediaMigration }) => {
      if (describe(target) === describe(config.media.storage)) throw new InputError(`--to names this site's own media store (${describe(target)})`)
      let lastReport = Date.now()
      const report = await mediaMigration.migrate(target, ({ done }) => {
        // A line every few seconds on stderr, so that a long migration shows it is alive without flooding a log.
        if (Date.now() - lastReport >= 5_000) {
          lastReport = Date.now()
          console.error(`… ${done} objects looked at`)
        }
      })
      console.log(`media migrated from ${report.from} to ${report.to}`)
      console.log(`  copied:        ${report.copied} (${(report.bytesCopied / 1024 / 1024).toFixed(1)} MiB)`)
      console.log(`  already there: ${report.alreadyThere}`)
      console.log(`  failed:        ${report.failed.length}`)
      for (const f of report.failed.slice(0, 20)) console.log(`    ${f.key}: ${f.reason}`)
      if (report.failed.length > 20) console.log(`    … and ${report.failed.length - 20} more`)
      if (report.failed.length) {
        console.error('broadsheet media migrate: some objects were not copied; run the same command again to retry them')
        return 1
      }
      console.log(`Every object is in ${report.to}. Set MEDIA_STORE=${values.to} on every instance and restart them.`)
      return 0
    }
  },
})

export const mediaCommand = (args: string[], env: NodeJS.ProcessEnv): Promise<number> => runSubcommand('media', MEDIA_USAGE, subcommands(env), args, env)
