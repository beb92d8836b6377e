// Reads a password for the CLI: from the terminal without echo, or the first line of standard input when it is not a terminal.

const MAX_BYTES = 4096

/** Reads one line from a terminal in raw mode, echoing nothing; Ctrl-C or Ctrl-D aborts. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(prompt)
  return new Promise((resolve, reject) => {
    let value = ''
    const done = (err: Error | null) => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.removeListener('data', onData)
      process.stderr.write('\n')
      if (err) reject(err)
      else resolve(value)
    }
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null)
        if (ch === '\u0003' || ch === '\u0004') return done(new Error('cancelled'))
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('')
        else if (value.length < MAX_BYTES) value += ch
      }
    }
    stdin.setRawMode(true)
    stdin.resume()
    stdin.on('data', onData)
  })
}

/** The first line of standard input (without its line ending). */
async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    size += (chunk as Buffer).length
    if (size > MAX_BYTES || (chunk as Buffer).includes(10)) break
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

/** A new password: typed twice on a terminal, or read from standard input. Throws Error('…') with a message to show. */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine()
  const first = await readHidden('Password (12–256 characters): ')
  const second = await readHidden('Repeat the password: ')
  if (first !== second) throw new Error('the two passwords differ')
  return first
}
