// Reading a WXR file on its own thread (src/importers/wordpress/wxr-read.ts): the same events as in-process, faults
// with their place in the file, and a file read no further ahead than the importer has taken.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { stat } from 'node:fs/promises'
import { wxrEvents, type WxrEvent } from '../../../src/importers/wordpress/wxr-events.ts'
import { readWxr } from '../../../src/importers/wordpress/wxr-read.ts'
import { WxrError } from '../../../src/importers/wordpress/wxr-records.ts'
import { FIXTURE, fixtureText, tempFile } from './fixtures.ts'

async function collect(events: AsyncIterable<WxrEvent>): Promise<{ events: WxrEvent[]; error: unknown }> {
  const out: WxrEvent[] = []
  try {
    for await (const e of events) out.push(e)
    return { events: out, error: null }
  } catch (error) {
    return { events: out, error }
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text
}

test('the thread hands over the events the mapping gives in-process, in file order, and tells how far it has read', async () => {
  const bytes = { read: 0 }
  const threaded = await collect(readWxr(FIXTURE, 'Europe/Berlin', bytes))
  const inProcess = await collect(wxrEvents(once(fixtureText()), 'Europe/Berlin'))
  assert.equal(threaded.error, null)
  assert.deepEqual(threaded.events, inProcess.events)
  assert.deepEqual(threaded.events[0], { kind: 'site', site: 'https://old.example.org' })
  assert.ok(threaded.events.filter((e) => e.kind === 'item' && e.mapped.kind === 'article').length >= 10)
  assert.equal(bytes.read, (await stat(FIXTURE)).size)
})

test('a malformed file yields the items before the fault, then a WxrError with its line and column', async (t) => {
  const text = fixtureText()
  const cut = text.indexOf('</item>', text.indexOf('</item>') + 1) + '</item>'.length
  const file = await tempFile(t, 'broken.wxr', `${text.slice(0, cut)}\n<item><title>Unclosed</wp:status></item>`)
  const { events, error } = await collect(readWxr(file, 'UTC', { read: 0 }))
  assert.ok(error instanceof WxrError, String(error))
  assert.match(error.message, /not well-formed XML at line \d+, column \d+/)
  assert.equal(error.line, text.slice(0, cut).split('\n').length + 1)
  assert.equal(typeof error.column, 'number')
  assert.equal(events.filter((e) => e.kind === 'item').length, 2)
})

test('a file that is not there rejects with its code, and a JSON file names the importer to use', async (t) => {
  const missing = await collect(readWxr('/nonexistent/export.wxr', 'UTC', { read: 0 }))
  assert.equal((missing.error as { code?: string }).code, 'ENOENT')
  const ghost = await tempFile(t, 'ghost.json', '{"db":[{"data":{"posts":[]}}]}')
  const { error } = await collect(readWxr(ghost, 'UTC', { read: 0 }))
  assert.ok(error instanceof WxrError)
  assert.match(error.message, /Ghost export/)
})

test('a long file comes over whole and in order through many chunks, and ending early ends the thread', async (t) => {
  const text = fixtureText()
  const first = text.indexOf('<item>'), last = text.lastIndexOf('</item>') + '</item>'.length
  const copies = 300
  // Some 6 MB of items: many more than the two chunks of events the thread may post ahead of the importer.
  const file = await tempFile(t, 'many.wxr', `${text.slice(0, first)}${Array(copies).fill(text.slice(first, last)).join('\n')}${text.slice(last)}`)
  const once = (await collect(readWxr(FIXTURE, 'UTC', { read: 0 }))).events.filter((e) => e.kind === 'item').map((e) => e.kind === 'item' && e.item.postId)
  const bytes = { read: 0 }
  const all = await collect(readWxr(file, 'UTC', bytes))
  assert.equal(all.error, null)
  const ids = all.events.filter((e) => e.kind === 'item').map((e) => e.kind === 'item' && e.item.postId)
  assert.deepEqual(ids, Array(copies).fill(once).flat())
  const size = (await stat(file)).size
  assert.equal(bytes.read, size)

  const early = { read: 0 }
  const events = readWxr(file, 'UTC', early)
  let taken = 0
  for await (const e of events) {
    if (e.kind === 'item' && ++taken === 20) break
  }
  // `break` ended the generator and its thread after the first chunk, long before the end of the file.
  assert.ok(early.read > 0 && early.read < size / 4, `read ${early.read} of ${size}`)
  assert.deepEqual(await events.next(), { done: true, value: undefined })
})
