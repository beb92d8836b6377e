// The OpenAPI document itself: OpenAPI 3.1 structure, every $ref resolving, valid 2020-12 schemas, and a validator that bites.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { OPENAPI, articleListQuerystring, limitSchema } from '../../src/web/api/openapi.ts'
import { documentValidator, openApiAjv, resolvePointer } from '../support/openapi.ts'

/** Every value of `key` anywhere in `node`, with where it was found. */
function collect(node: unknown, key: string, at = '#'): { at: string; value: unknown }[] {
  if (node === null || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([k, v]) => [...(k === key ? [{ at, value: v }] : []), ...collect(v, key, `${at}/${k}`)])
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

test('the document has the structure of OpenAPI 3.1: version, info, paths of operations with responses', () => {
  const doc = JSON.parse(JSON.stringify(OPENAPI))
  assert.equal(doc.openapi, '3.1.0')
  assert.equal(typeof doc.info.title, 'string')
  assert.equal(typeof doc.info.version, 'string')
  for (const [path, item] of Object.entries<Record<string, { operationId: string; responses: object; parameters?: { name: string; in: string; required?: boolean }[] }>>(doc.paths)) {
    assert.match(path, /^\/api\/v1\//)
    for (const [method, op] of Object.entries(item)) {
      assert.ok(METHODS.includes(method), `${path} ${method}`)
      assert.ok(Object.keys(op.responses).length > 0, `${path} ${method} has responses`)
      for (const status of Object.keys(op.responses)) assert.match(status, /^[1-5]\d\d$/)
      // Path templates and path parameters match one to one, and path parameters are required.
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      const inPath = (op.parameters ?? []).filter((p) => p.in === 'path')
      assert.deepEqual(inPath.map((p) => p.name).sort(), templated.sort(), `${path} path parameters`)
      assert.ok(inPath.every((p) => p.required === true))
    }
  }
  const ids = Object.values<Record<string, { operationId: string }>>(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId))
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique')
  for (const name of ['Article', 'Section', 'Tag', 'Author', 'Error']) assert.ok(doc.components.schemas[name], name)
})

test('every $ref in the document resolves', () => {
  const refs = collect(OPENAPI, '$ref')
  assert.ok(refs.length > 20)
  for (const { at, value } of refs) {
    assert.equal(typeof value, 'string', at)
    assert.notEqual(resolvePointer(OPENAPI, value as string), undefined, `${at}: ${String(value)}`)
  }
})

test('every component and parameter schema is valid JSON Schema 2020-12', () => {
  const ajv = openApiAjv()
  const schemas = [
    ...Object.entries(OPENAPI.components.schemas),
    ...collect(OPENAPI.paths, 'schema').map(({ at, value }) => [at, value] as const),
  ]
  for (const [where, schema] of schemas) assert.ok(ajv.validateSchema(schema as object), `${where}: ${ajv.errorsText(ajv.errors)}`)
})

test('routes validate limit with the very schema the document shows', () => {
  assert.ok(articleListQuerystring.properties.limit.allOf.includes(limitSchema))
  assert.equal(articleListQuerystring.properties.since, OPENAPI.paths['/api/v1/articles']!.get!.parameters!.find((p) => p.name === 'since')!.schema)
})

const fake = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
  ({ statusCode, body: JSON.stringify(body), headers: { 'content-type': 'application/json; charset=utf-8', etag: '"x"', 'cache-control': 'public', ...headers } }) as unknown as LightMyRequestResponse

test('the response check rejects bodies and statuses the document does not describe', () => {
  const check = documentValidator(OPENAPI)
  const article = {
    id: 1, url: 'https://news.example/news/a', path: '/news/a', title: 'A', standfirst: '', body_html: '<p>a</p>',
    section: { slug: 'news', name: 'News' }, genre: 'news', language: 'en', tags: [], authors: [], hero: null,
    published_at: '2026-11-27T09:00:00.000Z', updated_at: '2026-11-27T09:00:00.000Z', translations: [],
  }
  check('/api/v1/articles', 'get', fake(200, { items: [article], next_cursor: null }))
  const bad: [string, unknown][] = [
    ['a missing field', { items: [{ ...article, hero: undefined }], next_cursor: null }],
    ['an extra field', { items: [{ ...article, secret: 1 }], next_cursor: null }],
    ['a time that is not ISO 8601', { items: [{ ...article, updated_at: 'yesterday' }], next_cursor: null }],
    ['a relative url', { items: [{ ...article, url: '/news/a' }], next_cursor: null }],
    ['an unknown genre', { items: [{ ...article, genre: 'gossip' }], next_cursor: null }],
    ['no next_cursor', { items: [] }],
  ]
  for (const [what, body] of bad) assert.throws(() => check('/api/v1/articles', 'get', fake(200, body)), /does not match/, what)
  assert.throws(() => check('/api/v1/articles', 'get', fake(418, {})), /not documented/)
  assert.throws(() => check('/api/v1/articles', 'get', fake(400, { error: { code: 400, message: 'x' } })), /field/)
  assert.throws(() => check('/api/v1/articles', 'get', fake(200, { items: [], next_cursor: null }, { 'content-type': 'text/html' })), /text\/html/)
})
