// `broadsheet preview rotate-secret`: a new preview secret, after which every preview link made so far stops working.

import { parseArgs } from 'node:util'
import { OPERATOR } from '../editorial/permission.ts'
import { runSubcommand, type Subcommands } from './subcommands.ts'

export const PREVIEW_USAGE = `Usage: broadsheet preview <subcommand>

  rotate-secret    replace the secret that signs preview links; every link made so far stops working
                   (on every instance, at once)`

const SUBCOMMANDS: Subcommands = {
  'rotate-secret'(args) {
    parseArgs({ args, options: {}, strict: true, allowPositionals: false })
    return async ({ siteAdmin }) => {
      await siteAdmin.rotatePreviewSecret(OPERATOR)
      console.log('preview secret rotated; earlier preview links no longer work')
      return 0
    }
  },
}

export const previewCommand = (args: string[], env: NodeJS.ProcessEnv): Promise<number> => runSubcommand('preview', PREVIEW_USAGE, SUBCOMMANDS, args, env)
