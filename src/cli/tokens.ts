// `broadsheet token create|revoke`: Admin API tokens; create prints only the token, once (only its hash is stored).

import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { systemClock } from '../domain/clock.ts'
import { isAppError } from '../errors.ts'
import { createAccounts } from '../editorial/accounts.ts'
import { openStore, type Store } from '../store/store.ts'

export const TOKEN_USAGE = `Usage: broadsheet token <subcommand> [options]

  create --user <email> [--name <label>]   create an Admin API token for that user; prints only the token
  revoke --id <n>                          revoke a token`

class UsageError extends Error {}

type Action = (store: Store) => Promise<number>

const SUBCOMMANDS: Readonly<Record<string, (args: string[]) => Action>> = {
  create(args) {
    const { values } = parseArgs({ args, options: { user: { type: 'string' }, name: { type: 'string' } }, strict: true, allowPositionals: false })
    const { user, name } = values
    if (user === undefined) throw new UsageError('create needs --user <email>')
    return async (store) => {
      const created = await createAccounts({ store, clock: systemClock }).createToken(user, name ?? '')
      console.log(created.token)
      return 0
    }
  },

  revoke(args) {
    const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true, allowPositionals: false })
    if (values.id === undefined || !/^\d{1,15}$/.test(values.id) || Number(values.id) < 1) throw new UsageError('revoke needs --id <n>, a positive whole number')
    const id = Number(values.id)
    return async (store) => {
      await createAccounts({ store, clock: systemClock }).revokeToken(id, null)
      console.log(`API token ${id} revoked`)
      return 0
    }
  },
}

export async function tokenCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    ;(name === undefined ? console.error : console.log)(TOKEN_USAGE)
    return name === undefined ? 2 : 0
  }
  const parse = SUBCOMMANDS[name]
  if (!parse) {
    console.error(`broadsheet token: unknown subcommand "${name}"; use create or revoke`)
    return 2
  }
  let store: Store | undefined
  try {
    const action = parse(rest)
    store = await openStore(loadConfig(env).database)
    return await action(store)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (err instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`broadsheet token ${name}: ${(err as Error).message}`)
      return 2
    }
    if (isAppError(err)) {
      console.error(`broadsheet token ${name}: ${err.message}`)
      return 1
    }
    throw err
  } finally {
    await store?.close()
  }
}
