// A local SMTP server that accepts every message and discards it, in its own process so that it does not share the
// benchmark's event loop. Prints its port, then counts messages until killed.

import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

let received = 0
const server = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS'], logger: false, closeTimeout: 100, maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('end', () => { received++; callback() })
    stream.resume()
  },
})
server.listen(0, '127.0.0.1')
await once(server.server, 'listening')
process.stdout.write(`${(server.server.address() as AddressInfo).port}\n`)
process.on('SIGTERM', () => {
  process.stderr.write(`smtp sink received ${received}\n`)
  process.exit(0)
})
