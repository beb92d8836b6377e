// normalizeLegacyPath: one key for every spelling of an old path (src/domain/legacy-paths.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normalizeLegacyPath } from '../../src/domain/legacy-paths.ts'

test('percent-escapes of one path in either case, or the raw characters, give one key', () => {
  const key = normalizeLegacyPath('/2020/01/%ce%b5%ce%bb%ce%bb%ce%b7%ce%bd%ce%b9%ce%ba%ce%ac')
  assert.equal(key, '/2020/01/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC')
  assert.equal(normalizeLegacyPath('/2020/01/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC'), key)
  assert.equal(normalizeLegacyPath('/2020/01/ελληνικά'), key)
})

test('escapes of unreserved characters are decoded, and queries keep their reserved characters', () => {
  assert.equal(normalizeLegacyPath('/a%7eb%2Dc'), '/a~b-c')
  assert.equal(normalizeLegacyPath('/?p=12&x=%2f'), '/?p=12&x=%2F')
})
