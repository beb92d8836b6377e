// Checks HTTP answers against an OpenAPI 3.1 document with Ajv (JSON Schema 2020-12), independently of the app's own validation.

import assert from 'node:assert/strict'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { LightMyRequestResponse } from 'fastify'

const DOC_ID = 'https://openapi.test/document.json'

/** A JSON pointer segment (RFC 6901). */
export const pointerSegment = (s: string): string => s.replaceAll('~', '~0').replaceAll('/', '~1')

/** The value a local `#/…` reference points to in `doc`, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  return ref.slice(2).split('/').map((s) => decodeURIComponent(s).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc)
}

/** Ajv for 2020-12 with formats, in non-strict mode so the OpenAPI keywords around the schemas are ignored. */
export function openApiAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  return ajv
}

/**
 * A function asserting that a response is one the document describes for that path, method and status: a documented
 * status, the documented content type, a body valid against the schema (with every $ref resolved), the documented headers.
 */
export function documentValidator(doc: object) {
  const ajv = openApiAjv()
  ajv.addSchema({ ...structuredClone(doc), $id: DOC_ID })
  const compiled = new Map<string, ValidateFunction>()
  return function check(path: string, method: 'get' | 'post' | 'patch' | 'delete', res: LightMyRequestResponse): void {
    const where = `${method.toUpperCase()} ${path} → ${res.statusCode}`
    let pointer = `#/paths/${pointerSegment(path)}/${method}/responses/${res.statusCode}`
    let response = resolvePointer(doc, pointer) as { $ref?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> } | undefined
    assert.ok(response, `${where} is not documented`)
    if (response.$ref) {
      pointer = response.$ref
      response = resolvePointer(doc, pointer) as typeof response
      assert.ok(response, `${where}: ${pointer} does not resolve`)
    }
    for (const name of Object.keys(response!.headers ?? {})) assert.ok(res.headers[name.toLowerCase()] !== undefined, `${where} lacks header ${name}`)
    const types = Object.keys(response!.content ?? {})
    if (types.length === 0 || res.statusCode === 304 || res.statusCode === 204) {
      if (types.length === 0) assert.equal(res.body, '', `${where} should have no body`)
      return
    }
    const type = String(res.headers['content-type'] ?? '').split(';')[0]!.trim()
    assert.ok(types.includes(type), `${where} answered ${type}, documented: ${types.join(', ')}`)
    const schemaRef = `${DOC_ID}${pointer}/content/${pointerSegment(type)}/schema`
    let validate = compiled.get(schemaRef)
    if (!validate) {
      validate = ajv.compile({ $ref: schemaRef })
      compiled.set(schemaRef, validate)
    }
    const body: unknown = JSON.parse(res.body)
    assert.ok(validate(body), `${where} does not match ${schemaRef}: ${ajv.errorsText(validate.errors)}\n${res.body.slice(0, 500)}`)
  }
}
