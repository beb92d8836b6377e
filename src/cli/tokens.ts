// `broadsheet token create|revoke`: Admin API tokens; create prints only the token, once (only its hash is stored).

import { parseArgs } from 'node:util'
import { runSubcommand, UsageError, type Subcommands } from './subcommands.ts'

export const TOKEN_USAGE = `Usage: broadsheet token <subcommand> [options]

  create --user <email> [--name <label>]   create an Admin API token for that user; prints only the token
  revoke --id <n>                          revoke a token`



const SUBCOMMANDS: Subcommands = {
  create(args) {
    const { values } = parseArgs({ args, options: { user: { type: 'string' }, name: { type: 'string' } }, strict: true, allowPositionals: false })
    const { user, name } = values
    if (user === undefined) throw new UsageError('create needs --user <email>')
    return async ({ accounts }) => {
      const created = await accounts.createToken(user, name ?? '')
      console.log(created.token)
      return 0
    }
  },

  revoke(args) {
    const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true, allowPositionals: false })
    if (values.id === undefined || !/^\d{1,15}$/.test(values.id) || Number(values.id) < 1) throw new UsageError('revoke needs --id <n>, a positive whole number')
    const id = Number(values.id)
    return async ({ accounts }) => {
      await accounts.revokeToken(id, null)
      console.log(`API token ${id} revoked`)
      return 0
    }
  },
}

export const tokenCommand = (args: string[], env: NodeJS.ProcessEnv): Promise<number> => runSubcommand('token', TOKEN_USAGE, SUBCOMMANDS, args, env)
