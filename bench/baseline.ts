// The baseline: a bare node:http server answering fixed bytes from memory, so page figures read as ratios to it.
//
// As a script: `node bench/baseline.ts <body-file> <content-type>` listens on 127.0.0.1 (a free port) and prints {"port":N}.
// run.ts starts it as a child process, like the real server, so both pay for their own process and event loop.

import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export interface Baseline {
  readonly url: string
  readonly pid: number
  close(): Promise<void>
}

/** Serves `body` with `contentType` for every GET, the way Broadsheet would if a page cost nothing to make. */
function serve(body: Buffer, contentType: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** Starts the baseline in its own process, serving `body`; `scratchDir` holds the body file it reads. */
export async function startBaseline(body: Buffer, contentType: string, scratchDir: string): Promise<Baseline> {
  const file = path.join(scratchDir, 'baseline-body')
  await writeFile(file, body)
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), file, contentType], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /\{"port":(\d+)\}/.exec(out)
      if (m) resolve(Number(m[1]))
    })
    child.once('exit', (code) => reject(new Error(`the baseline server exited with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    close: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, contentType] = process.argv.slice(2)
  if (!file || !contentType) {
    console.error('usage: node bench/baseline.ts <body-file> <content-type>')
    process.exit(2)
  }
  const server = await serve(await readFile(file), contentType)
  const address = server.address()
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }))
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
}
