// Commands with subcommands (`user create`, `token revoke`…): parse first, open the database only for valid input, map errors to exit codes.

import { loadConfig } from '../config.ts'
import { isAppError } from '../errors.ts'
import { openServices, type Services } from '../services.ts'

/** Bad flags or missing options: exit 2, before the database is opened. */
export class UsageError extends Error {}

/** Well-formed but unusable input (a bad email, an unknown user): exit 1. */
export class InputError extends Error {}

/** What a parsed subcommand does with the services (as the operator: editorial/permission.ts OPERATOR); resolves with the exit code. */
export type Action = (services: Services) => Promise<number>

export type Subcommands = Readonly<Record<string, (args: string[]) => Action>>

/** Runs `broadsheet <command> <subcommand> …`: usage errors exit 2, input and AppErrors exit 1, anything else throws. */
export async function runSubcommand(command: string, usage: string, subcommands: Subcommands, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    ;(name === undefined ? console.error : console.log)(usage)
    return name === undefined ? 2 : 0
  }
  const parse = subcommands[name]
  if (!parse) {
    console.error(`broadsheet ${command}: unknown subcommand "${name}"; use ${Object.keys(subcommands).join(' or ')}`)
    return 2
  }
  let opened: Awaited<ReturnType<typeof openServices>> | undefined
  try {
    const action = parse(rest)
    opened = await openServices(loadConfig(env))
    return await action(opened.services)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (err instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`broadsheet ${command} ${name}: ${(err as Error).message}`)
      return 2
    }
    if (err instanceof InputError || isAppError(err)) {
      console.error(`broadsheet ${command} ${name}: ${(err as Error).message}`)
      return 1
    }
    throw err
  } finally {
    await opened?.close()
  }
}
