// Reading a WXR file on its own thread (src/importers/wordpress/wxr-read.ts): the same events as in-process, faults
// with their place in the file, and a file read no further ahead than the importer has taken.

import { test, type TestContext } from 'node:test'
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

/** The fixture's items `copies` times over in one export: some 6 MB at 300. */
async function longFile(t: TestContext, copies: number): Promise<string> {
  const text = fixtureText()
  const first = text.indexOf('<item>'), last = text.lastIndexOf('</item>') + '</item>'.length
  return tempFile(t, 'many.wxr', `${text.slice(0, first)}${Array(copies).fill(text.slice(first, last)).join('\n')}${text.slice(last)}`)
}

test('a long file comes over whole and in order through many chunks', async (t) => {
  const copies = 300
  const file = await longFile(t, copies)
  const once = (await collect(readWxr(FIXTURE, 'UTC', { read: 0 }))).events.filter((e) => e.kind === 'item').map((e) => e.kind === 'item' && e.item.postId)
  const bytes = { read: 0 }
  let messages = 0
  const all = await collect(readWxr(file, 'UTC', bytes, { onMessage: () => messages++ }))
  assert.equal(all.error, null)
  const ids = all.events.filter((e) => e.kind === 'item').map((e) => e.kind === 'item' && e.item.postId)
  assert.deepEqual(ids, Array(copies).fill(once).flat())
  assert.equal(bytes.read, (await stat(file)).size)
  assert.ok(messages >= ids.length / 50, `${messages} messages for ${ids.length} items`)
})

test('the thread posts no more than `ahead` chunks beyond what was taken, and ending early ends it', async (t) => {
  const file = await longFile(t, 300)
  let messages = 0
  let exited: () => void = () => {}
  const exit = new Promise<void>((resolve) => { exited = resolve })
  const events = readWxr(file, 'UTC', { read: 0 }, { chunkSize: 10, ahead: 2, onMessage: () => messages++, onExit: () => exited() })
  // Should an assertion fail, the thread still ends with the test.
  t.after(() => events.return(undefined))
  // The first chunk taken, then a pause long enough for an unbounded reader to post the whole file (hundreds of chunks).
  await events.next()
  await new Promise((resolve) => setTimeout(resolve, 500))
  assert.ok(messages >= 2 && messages <= 3, `${messages} messages while one was taken`)
  await events.return(undefined)
  const ended = await Promise.race([exit.then(() => true), new Promise((resolve) => setTimeout(resolve, 5_000, false))])
  assert.equal(ended, true, 'the thread has ended')
})
