// `broadsheet user create|reset-password`: desk accounts for operators without mail; the password comes from a prompt or standard input.

import { parseArgs } from 'node:util'
import { normalizeEmail } from '../domain/account.ts'
import { isRole } from '../domain/roles.ts'
import { InputError, runSubcommand, UsageError, type Subcommands } from './subcommands.ts'
import { readNewPassword } from './password-input.ts'

export const USER_USAGE = `Usage: broadsheet user <subcommand> [options]

  create --email <email> --name <name> --role contributor|author|editor|admin
                                      create a desk user; the password is asked for (or read from standard input)
  reset-password --email <email> [--keep-tokens]
                                      set a new password, end the user's sessions and revoke their API
                                      tokens (--keep-tokens leaves the tokens working)

The password is never printed or logged. Example: printf '%s\\n' "$PASSWORD" | broadsheet user create …`

const SUBCOMMANDS: Subcommands = {
  create(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }, strict: true, allowPositionals: false })
    const { email, name, role } = values
    if (email === undefined || name === undefined || role === undefined) throw new UsageError('create needs --email, --name and --role')
    if (!normalizeEmail(email)) throw new InputError(`"${email}" is not a valid email address`)
    if (!isRole(role)) throw new InputError(`--role must be contributor, author, editor or admin, got "${role}"`)
    return async ({ accounts }) => {
      const password = await readPassword()
      const user = await accounts.createUser({ email, name, role, password }, null)
      console.log(`user ${user.email} created (${user.role}, id ${user.id})`)
      return 0
    }
  },

  'reset-password'(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, 'keep-tokens': { type: 'boolean' } }, strict: true, allowPositionals: false })
    const keepTokens = values['keep-tokens'] === true
    if (values.email === undefined) throw new UsageError('reset-password needs --email')
    const email = values.email
    if (!normalizeEmail(email)) throw new InputError(`"${email}" is not a valid email address`)
    return async ({ accounts }) => {
      // Check the user first, so nobody types a password for nothing.
      if (!(await accounts.hasUser(email))) throw new InputError(`no user has the email ${normalizeEmail(email)}`)
      const { user, tokensRevoked } = await accounts.resetPassword(email, await readPassword(), { keepTokens })
      const tokens = keepTokens ? 'their API tokens were kept' : `${tokensRevoked} API token${tokensRevoked === 1 ? ' was' : 's were'} revoked`
      console.log(`password of ${user.email} changed; their sessions have ended and ${tokens}`)
      return 0
    }
  },
}

async function readPassword(): Promise<string> {
  try {
    return await readNewPassword()
  } catch (err) {
    throw new InputError((err as Error).message)
  }
}

export const userCommand = (args: string[], env: NodeJS.ProcessEnv): Promise<number> => runSubcommand('user', USER_USAGE, SUBCOMMANDS, args, env)
