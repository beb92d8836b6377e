// docs/nginx.conf, run by Debian's nginx in front of a real Broadsheet server: its ports and certificate swapped for
// loopback ones and a self-signed certificate, everything else as documented. Checks TLS, the HTTP redirect, proxying,
// the client address Broadsheet sees with TRUST_PROXY, caching headers passed through untouched, and /metrics refused.

import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import { test, type TestContext } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { openStore } from '../../src/store/store.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { freePort, MAIN_SCRIPT, tempDir } from '../support/processes.ts'

const NGINX = '/usr/sbin/nginx'
const OPENSSL = '/usr/bin/openssl'
const DOC = path.resolve(import.meta.dirname, '../../docs/nginx.conf')
const HOST = 'news.example.org'
/** The reader's address: another loopback address than nginx's own, so the two can be told apart. */
const READER = '127.0.0.3'

interface Answer {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/** Replaces `from` in `text`, failing the test when the documented file no longer has it. */
function swap(text: string, from: string | RegExp, to: string): string {
  assert.ok(typeof from === 'string' ? text.includes(from) : from.test(text), `docs/nginx.conf no longer contains ${String(from)}`)
  return text.replaceAll(from, to)
}

function ask(url: string, opts: { headers?: Record<string, string>; ca?: Buffer } = {}): Promise<Answer> {
  const u = new URL(url)
  const client = u.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(u, {
      headers: { host: HOST, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', ...opts.headers },
      localAddress: READER, ...(opts.ca && { ca: opts.ca, servername: HOST }),
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A seeded SQLite site served by `node src/main.ts` with TRUST_PROXY on and request logs (debug) on stdout. */
async function startBroadsheet(t: TestContext): Promise<{ port: number; log: () => string }> {
  const dataDir = await tempDir(t, 'broadsheet-nginx-')
  const seeded = await openStore({ engine: 'sqlite', file: path.join(dataDir, 'broadsheet.db') })
  await seedTaxonomy(seeded)
  await seedArticle(seeded, { slug: 'wind-farms', title: 'Wind farms in the steppe' }, Date.now())
  await seeded.close()
  const port = await freePort()
  const child = spawn(process.execPath, [MAIN_SCRIPT, '--no-demo'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), TRUST_PROXY: 'true',
      SITE_URL: `https://${HOST}`, LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  for (const s of [child.stdout, child.stderr]) s.on('data', (d: Buffer) => { log += d.toString() })
  t.after(async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    await once(child, 'exit')
  })
  for (let i = 0; ; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break
    if (i > 300 || child.exitCode !== null) assert.fail(`Broadsheet did not start: ${log}`)
    await sleep(100)
  }
  return { port, log: () => log }
}

test('docs/nginx.conf serves Broadsheet over TLS with the reader\'s address, caching headers intact and /metrics refused', async (t) => {
  if (!existsSync(NGINX) || !existsSync(OPENSSL)) return t.skip(`needs ${NGINX} and ${OPENSSL} (Debian's nginx and openssl packages)`)
  const app = await startBroadsheet(t)
  const dir = await tempDir(t, 'broadsheet-nginx-prefix-')
  execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`,
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' })
  const [httpPort, httpsPort] = [await freePort(), await freePort()]

  let site = await readFile(DOC, 'utf8')
  site = swap(site, 'server 127.0.0.1:3000', `server 127.0.0.1:${app.port}`)
  site = swap(site, /^\s*listen \[::\]:.*$/gm, '')
  site = swap(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`)
  site = swap(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
  site = swap(site, `/etc/letsencrypt/live/${HOST}/fullchain.pem`, path.join(dir, 'cert.pem'))
  site = swap(site, `/etc/letsencrypt/live/${HOST}/privkey.pem`, path.join(dir, 'key.pem'))
  await writeFile(path.join(dir, 'site.conf'), site)
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(path.join(dir, temp))
  // The main file Debian ships, cut down to what a foreground nginx in a temporary prefix needs.
  await writeFile(path.join(dir, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`)
  execFileSync(NGINX, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', `pid ${dir}/nginx.pid;`], { stdio: 'pipe' })
  const nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid;`], { stdio: ['ignore', 'ignore', 'pipe'] })
  let nginxErr = ''
  nginx.stderr.on('data', (d: Buffer) => { nginxErr += d.toString() })
  t.after(async () => {
    if (nginx.exitCode !== null) return
    nginx.kill('SIGQUIT')
    await once(nginx, 'exit')
  })
  const ca = await readFile(path.join(dir, 'cert.pem'))
  const front = `https://127.0.0.1:${httpsPort}`
  for (let i = 0; ; i++) {
    if (await ask(`${front}/healthz`, { ca }).then((r) => r.status === 200, () => false)) break
    if (i > 100 || nginx.exitCode !== null) assert.fail(`nginx did not start: ${nginxErr}`)
    await sleep(100)
  }

  // Plain HTTP is sent to HTTPS.
  const plain = await ask(`http://127.0.0.1:${httpPort}/news/wind-farms`)
  assert.equal(plain.status, 301)
  assert.equal(plain.headers.location, `https://${HOST}/news/wind-farms`)

  // The page, as Broadsheet made it: its Cache-Control, strong ETag and own brotli are passed through.
  const direct = await ask(`http://127.0.0.1:${app.port}/news/wind-farms`, { headers: { 'accept-encoding': 'br' } })
  assert.equal(direct.status, 200)
  const page = await ask(`${front}/news/wind-farms`, { ca, headers: { 'accept-encoding': 'br', 'x-forwarded-for': '203.0.113.66' } })
  assert.equal(page.status, 200)
  assert.equal(page.headers['cache-control'], direct.headers['cache-control'])
  assert.match(String(page.headers['cache-control']), /s-maxage=/)
  assert.equal(page.headers.etag, direct.headers.etag)
  assert.match(String(page.headers.etag), /^"/, 'a strong ETag, not weakened by recompression')
  assert.equal(page.headers['content-encoding'], 'br')
  assert.equal(page.headers.vary, 'accept-encoding')
  const again = await ask(`${front}/news/wind-farms`, { ca, headers: { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) } })
  assert.equal(again.status, 304)

  // With TRUST_PROXY, Broadsheet sees the reader's address as nginx saw it, not the one the reader claimed.
  const requests = app.log().split('\n').filter((l) => l.includes('"incoming request"') && l.includes('/news/wind-farms'))
  assert.ok(requests.some((l) => l.includes(`"remoteAddress":"${READER}"`)), `no request logged from ${READER}:\n${requests.join('\n')}`)
  assert.ok(!app.log().includes('203.0.113.66'), 'the address the client claimed in X-Forwarded-For is ignored')

  // Metrics stay private: refused at nginx, served to a direct loopback scrape.
  assert.equal((await ask(`${front}/metrics`, { ca })).status, 404)
  assert.equal((await fetch(`http://127.0.0.1:${app.port}/metrics`)).status, 200)
})
