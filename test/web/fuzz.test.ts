// A seeded, bounded fuzz of every route on both engines: malformed paths, parameters, headers and bodies, sent
// anonymously and as a logged-in admin (with and without a valid CSRF token, or a bearer token); no answer may be a 5xx.
// FUZZ_REQUESTS sets the requests per engine (default 1500), FUZZ_SEED the seed; a failure prints the request.

import assert from 'node:assert/strict'
import type { InjectOptions } from 'fastify'
import { forEachEngine } from '../support/databases.ts'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { cookieHeader, csrfOf, login } from '../support/desk.ts'
import type { TestApp } from '../support/build-test-app.ts'
import { createRandom, type Random } from '../../bench/random.ts'
import { lazyAreasOf } from '../../src/web/lazy-area.ts'

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500)
const SEED = Number(process.env.FUZZ_SEED ?? 20261202)

interface Route { readonly method: string; readonly url: string }

/** Every method and URL of the app, read from printRoutes' tree (each level is four characters deep). */
function routesOf(tree: string): Route[] {
  const stack: string[] = []
  const out: Route[] = []
  for (const line of tree.split('\n')) {
    const m = /^([│├└─\s]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line)
    if (!m) continue
    const depth = m[1]!.length / 4
    // `:section|:lang` is one node for two routes: either name fills the same segment.
    stack.length = depth
    stack[depth - 1] = m[2]!.replace(/\|[^/]*/g, '')
    const url = stack.join('').replace(/\/+/g, '/')
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD' && method !== 'OPTIONS') out.push({ method, url })
  }
  return out
}

const HUGE = 'x'.repeat(70_000)
const PARAM_VALUES = [
  '1', '2', '3', '0', '-1', '99999999999999999999', '1e400', 'NaN', 'Infinity', '1.5', '0x10', 'abc', '%00', 'a%00b', '%E0%A4%A', '%',
  '%25', '..', '..%2f..', '%2e%2e', '%5C', '%5C%5Cevil.example', '%F0%9F%98%80', '%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8', 'news',
  'election-results', 'energy', 'newsroom', 'ru', 'tag', 'x'.repeat(300), 'A_B', '%20', '%0A', '%FF', 'sitemap-1.xml', 'editor.js',
]
const QUERY_KEYS = ['page', 'q', 'section', 'tag', 'from', 'to', 'next', 'done', 'status', 'per_page', 'cursor', 'language', 'kind', 'author', 'v', 'exp', 'sig', 'id', 'notice', 'moved', '_csrf', 'revision', 'type', 'format', 'action', 'sort']
const QUERY_VALUES = [
  '1', '0', '-5', '99999', '99999999999999999999', '1e3', 'Infinity', '', 'news', 'energy', '2026-11-20', '2026-13-45', '2026-02-29', '/desk',
  '/desk/%E6%96%B0%E9%97%BB', '//evil.example', '/%5Cevil', 'https://evil.example', 'draft', 'published', 'created', '%00', '%E0%A4%A',
  '%F0%9F%98%80', 'a+b', '"quoted"', '<script>', 'x'.repeat(300), 'x'.repeat(5000), 'null', 'true', '[]', '{}',
]
const FIELDS = ['_csrf', 'title', 'standfirst', 'body', 'name', 'slug', 'email', 'password', 'role', 'from', 'to', 'status', 'version', 'section', 'tag',
  'kind', 'lead', 'article', 'direction', 'until', 'at', 'q', 'next', 'url', 'events', 'alt', 'caption', 'credit', 'active', 'everywhere',
  'genre', 'language', 'hero', 'authors', 'tags', 'body_html', 'fields', 'path', 'parent', 'description', 'position', 'into', 'user', 'current', 'label']
const FIELD_VALUES: unknown[] = ['', 'x', 'A title', '1', '0', '-1', 99999999999, 1.5, true, null, [], {}, ['a', 'b'], { nested: { deep: [1] } },
  '<p>Hi <script>alert(1)</script></p>', 'https://hooks.example.com/in', 'http://127.0.0.1/', 'news', 'energy', 'published', 'draft',
  '2026-11-30T10:00', 'not-a-date', 'admin', 'owner', 'editor@news.example', '\u{1F600}'.repeat(50), 'x'.repeat(5000), '\ud800', HUGE.slice(0, 20_000)]
const HEADER_SETS: Record<string, string>[] = [
  {}, {}, {}, { 'content-type': 'application/json' }, { 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' },
  { 'content-type': 'multipart/form-data' }, { 'content-type': 'multipart/form-data; boundary=' }, { 'content-type': 'application/xml' },
  { 'content-type': ';;;' }, { 'content-type': 'application/json; charset=utf-7' }, { cookie: 'bs_session=%00' }, { cookie: 'bs_session=' + 'A'.repeat(43) },
  { cookie: '=;;=a; b' }, { cookie: 'bs_pre=%E0%A4%A' }, { 'accept-encoding': 'br;q=abc, gzip;q=2, *;q=-1' }, { 'accept-encoding': 'x'.repeat(8000) },
  { 'if-none-match': '"",,W/' }, { 'if-modified-since': 'yesterday' }, { authorization: 'Bearer ' + 'a'.repeat(300) }, { authorization: 'Bearer %00' },
  { authorization: 'Basic Zm9vOmJhcg==' }, { 'x-csrf-token': 'x'.repeat(5000) }, { accept: '*/*;q=x' }, { 'x-forwarded-for': 'not-an-ip' },
  { range: 'bytes=9999999-1' }, { 'user-agent': 'x'.repeat(8000) }, { 'accept-language': 'xx-'.repeat(2000) },
]

const fillParams = (r: Random, url: string) => url.replace(/:[a-z]+/gi, () => r.pick(PARAM_VALUES)).replace(/\*$/, () => r.pick(PARAM_VALUES))

/** A path: the route's with its parameters filled, sometimes mangled (slashes, dots, backslashes, long or odd segments). */
function fuzzPath(r: Random, route: Route): string {
  let path = fillParams(r, route.url)
  if (r.chance(0.15)) {
    path = r.pick([
      () => `${path}/`, () => `/${path}`, () => `${path}//x`, () => path.replace(/\//g, '%2F'), () => `${path}/..`, () => `${path}/../..`,
      () => `${path}\\..\\x`, () => `${path}/${r.pick(PARAM_VALUES)}`, () => `${path}%00`, () => `${path}/${'seg/'.repeat(100)}`,
      () => `${path};jsessionid=1`, () => `${path}%`, () => path.toUpperCase(), () => `${path}/${'a'.repeat(2000)}`,
    ])()
  }
  return path.startsWith('/') ? path : `/${path}`
}

function fuzzQuery(r: Random): string {
  if (r.chance(0.4)) return ''
  const parts: string[] = []
  for (let i = r.int(4) + 1; i > 0; i--) {
    const key = r.pick(QUERY_KEYS)
    const value = r.pick(QUERY_VALUES)
    parts.push(r.pick([() => `${key}=${value}`, () => `${key}[]=${value}`, () => `${key}=${value}&${key}=${r.pick(QUERY_VALUES)}`, () => `${key}[a]=${value}`, () => key])())
  }
  return `?${parts.join('&')}`
}

const fuzzFields = (r: Random, csrf: string | null): Record<string, unknown> => {
  const fields: Record<string, unknown> = {}
  for (let i = r.int(6); i > 0; i--) fields[r.pick(FIELDS)] = r.pick(FIELD_VALUES)
  if (csrf) fields._csrf = csrf
  return fields
}

/** A body and its content type: a form, JSON (good, truncated, of the wrong shape), text, multipart garbage or none. */
function fuzzBody(r: Random, csrf: string | null): { payload?: string | Buffer; type?: string } {
  const fields = fuzzFields(r, csrf)
  const form = () => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()
  const boundary = 'fuzzBoundary'
  return r.pick<() => { payload?: string | Buffer; type?: string }>([
    () => ({ payload: form(), type: 'application/x-www-form-urlencoded' }),
    () => ({ payload: form(), type: 'application/x-www-form-urlencoded' }),
    () => ({ payload: JSON.stringify(fields), type: 'application/json' }),
    () => ({ payload: JSON.stringify(fields), type: 'application/json' }),
    () => ({ payload: JSON.stringify(fields).slice(0, -3), type: 'application/json' }),
    () => ({ payload: JSON.stringify(r.pick([[], 1, 'text', null, [fields]])), type: 'application/json' }),
    () => ({ payload: JSON.stringify({ ...fields, version: r.pick([1, -1, '1', 1e300]), fields: r.pick([fields, [], 'x', null]) }), type: 'application/json' }),
    () => ({ payload: `{"a":${'['.repeat(5000)}`, type: 'application/json' }),
    () => ({ payload: JSON.stringify({ title: HUGE, body_html: HUGE }), type: 'application/json' }),
    () => ({ payload: `title=${HUGE}&_csrf=${csrf ?? ''}`, type: 'application/x-www-form-urlencoded' }),
    () => ({ payload: 'plain text body', type: 'text/plain' }),
    () => ({ payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG garbage`, type: `multipart/form-data; boundary=${boundary}` }),
    () => ({ payload: `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nx\r\n--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` }),
    () => ({ payload: 'garbage', type: `multipart/form-data; boundary=${boundary}` }),
    () => ({ payload: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0xc3]), type: r.pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain']) }),
    () => ({}),
  ])()
}

interface Identity { cookie: string; csrf: string; token: string }

/** A fresh admin, logged in on the desk (session and CSRF token) and with an API token. */
async function adminIdentity(a: TestApp, n: number): Promise<Identity> {
  const email = `fuzz-admin-${n}@news.example`
  await a.services.accounts.createUser({ email, name: `Fuzz Admin ${n}`, role: 'admin', password: 'a long enough password' }, null)
  const { session } = await login(a, email, 'a long enough password')
  assert.ok(session, 'the fuzzing admin logged in')
  const cookie = cookieHeader(session)
  const csrf = csrfOf((await a.app.inject({ url: '/desk/account', headers: { cookie } })).body)
  const { token } = await a.services.accounts.createToken(email, 'fuzz')
  return { cookie, csrf, token }
}

const describe = (o: InjectOptions & { url: string }, status: number, body: string) => {
  const payload = o.payload === undefined ? '' : String(o.payload).slice(0, 300)
  const headers = Object.fromEntries(Object.entries(o.headers ?? {}).map(([k, v]) => [k, String(v).slice(0, 120)]))
  return `${status} ← ${o.method} ${o.url.slice(0, 300)} headers=${JSON.stringify(headers)} body=${JSON.stringify(payload)} answer=${body.slice(0, 200)}`
}

forEachEngine(`${REQUESTS} fuzzed requests over every route never answer 5xx (seed ${SEED})`, async (t, engine) => {
  const a = await buildSiteApp(t, { engine })
  await seedNewsroom(a.store)
  // The app's routes and those of the areas it builds on their first request (the desk, the Admin API).
  const routes = [a.app, ...await lazyAreasOf(a.app)].flatMap((instance) => routesOf(instance.printRoutes({ commonPrefix: false })))
  assert.ok(routes.some((r) => r.url.startsWith('/desk/')) && routes.some((r) => r.url.startsWith('/api/v1/admin/')), 'the desk and the Admin API are fuzzed too')
  assert.ok(routes.length > 60, `found ${routes.length} routes`)
  // Later admins stand in when fuzzing logs one out or takes its role.
  let admins = 0
  let me = await adminIdentity(a, admins++)
  const r = createRandom(SEED + (engine === 'postgres' ? 1 : 0))
  const failures: string[] = []
  const statuses = new Map<number, number>()
  const started = Date.now()
  for (let i = 0; i < REQUESTS; i++) {
    if (i % 200 === 199 && (await a.app.inject({ url: '/desk/account', headers: { cookie: me.cookie } })).statusCode !== 200) me = await adminIdentity(a, admins++)
    const route = r.pick(routes)
    const desk = route.url.startsWith('/desk')
    const adminApi = route.url.startsWith('/api/v1/admin')
    const who = r.pick(['anonymous', 'admin', 'admin', 'admin-csrf', 'admin-csrf'] as const)
    const headers: Record<string, string> = { ...r.pick(HEADER_SETS) }
    if (who !== 'anonymous') {
      if (adminApi) headers.authorization ??= `Bearer ${me.token}`
      else if (desk || r.chance(0.2)) headers.cookie = [me.cookie, headers.cookie].filter(Boolean).join('; ')
      if (who === 'admin-csrf' && r.chance(0.3)) headers['x-csrf-token'] = me.csrf
    }
    // Now and then a method the route does not have, or HEAD for a page.
    const method = r.chance(0.05) ? r.pick(['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH'] as const) : route.method as NonNullable<InjectOptions['method']>
    const options: InjectOptions & { url: string } = { method, url: fuzzPath(r, route) + fuzzQuery(r), headers }
    if ((method !== 'GET' && method !== 'HEAD') || r.chance(0.05)) {
      const { payload, type } = fuzzBody(r, who === 'admin-csrf' ? me.csrf : null)
      if (payload !== undefined) options.payload = payload
      if (type && !headers['content-type']) headers['content-type'] = type
    }
    const res = await a.app.inject(options)
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    if (res.statusCode >= 500) failures.push(describe(options, res.statusCode, res.body))
  }
  t.diagnostic(`${routes.length} routes, ${REQUESTS} requests in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((x, y) => x[0] - y[0])))}`)
  assert.deepEqual(failures, [], `${failures.length} requests answered 5xx (seed ${SEED}, ${engine}):\n${failures.slice(0, 30).join('\n')}`)
})
