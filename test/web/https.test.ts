// Over real TLS (a self-signed certificate, a TLS-terminating proxy as in production): login cookies are Secure, HttpOnly, SameSite, and HSTS is sent.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { test, type TestContext } from 'node:test'
import type { TLSSocket } from 'node:tls'
import { buildSiteApp } from '../support/web.ts'
import { csrfOf, OWNER } from '../support/desk.ts'

/** A self-signed certificate for 127.0.0.1 made with openssl, or null when openssl is missing. */
async function selfSigned(t: TestContext): Promise<{ key: Buffer; cert: Buffer } | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-tls-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')]
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert,
      '-days', '1', '-subj', '/CN=broadsheet-test', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
  } catch {
    return null
  }
  return { key: await readFile(key), cert: await readFile(cert) }
}

/** An https server on a free loopback port that passes every request to the app at `upstream`, as nginx would. */
async function tlsProxy(t: TestContext, tls: { key: Buffer; cert: Buffer }, upstream: AddressInfo): Promise<number> {
  const server = https.createServer(tls, (req, res) => {
    const up = http.request({ host: upstream.address, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-proto': 'https' } }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers)
      upRes.pipe(res)
    })
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return (server.address() as AddressInfo).port
}

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string; encrypted: boolean }

/** One request over https with node's client (the certificate is self-signed, so it is not verified). */
function request(port: number, pathName: string, opts: { method?: string; cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: '127.0.0.1', port, path: pathName, method: opts.method ?? 'GET', rejectUnauthorized: false, agent: false,
      headers: { ...(opts.cookie && { cookie: opts.cookie }), ...(body !== undefined && { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) }) },
    }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, encrypted: (res.socket as TLSSocket).encrypted === true }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const cookieNamed = (a: Answer, name: string): string | undefined => (a.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`))
const pair = (setCookie: string): string => setCookie.split(';')[0]!

test('over https a login sets a Secure, HttpOnly, SameSite session cookie and every answer carries HSTS', async (t) => {
  const tls = await selfSigned(t)
  if (!tls) return t.skip('openssl is not installed, so no certificate can be made')
  const a = await buildSiteApp(t)
  await a.app.listen({ host: '127.0.0.1', port: 0 })
  const port = await tlsProxy(t, tls, a.app.server.address() as AddressInfo)

  const setupForm = await request(port, '/desk/setup')
  assert.equal(setupForm.status, 200)
  assert.ok(setupForm.encrypted, 'the answer came over TLS')
  const pre = cookieNamed(setupForm, 'bs_csrf')
  assert.ok(pre, 'a pre-session cookie is set')
  assert.match(pre, /; HttpOnly; SameSite=Lax/)
  assert.match(pre, /; Secure/)
  const setup = await request(port, '/desk/setup', { method: 'POST', cookie: pair(pre), form: { ...OWNER, _csrf: csrfOf(setupForm.body) } })
  assert.equal(setup.status, 303, setup.body)

  const loginForm = await request(port, '/desk/login')
  const loginPre = cookieNamed(loginForm, 'bs_csrf')!
  const login = await request(port, '/desk/login', { method: 'POST', cookie: pair(loginPre), form: { email: OWNER.email, password: OWNER.password, _csrf: csrfOf(loginForm.body) } })
  assert.equal(login.status, 303, login.body)
  const session = cookieNamed(login, 'bs_session')
  assert.ok(session, 'the login set the session cookie')
  for (const attribute of [/; HttpOnly(;|$)/, /; SameSite=Lax(;|$)/, /; Secure(;|$)/, /; Path=\/(;|$)/]) assert.match(session, attribute)

  const desk = await request(port, '/desk', { cookie: pair(session) })
  assert.equal(desk.status, 200)
  for (const answer of [setupForm, setup, loginForm, login, desk, await request(port, '/')]) {
    assert.equal(answer.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains')
    assert.match(String(answer.headers['content-security-policy']), /^default-src 'self';/)
  }
})
