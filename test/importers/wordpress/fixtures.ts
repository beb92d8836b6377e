// The WXR fixtures: the 1.2 export (https namespace) as written, and the same site as WXR 1.1 with the http namespace.

import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestContext } from 'node:test'

export const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'site.wxr')
export const fixtureText = (): string => readFileSync(FIXTURE, 'utf8')

/** The same export as WordPress 4 wrote it: WXR 1.1, `http://` namespaces, and another prefix for good measure. */
export const wxr11 = (): string => fixtureText()
  .replace(/https:\/\/wordpress\.org\/export\/1\.2\//g, 'http://wordpress.org/export/1.1/')
  .replace(/<wp:wxr_version>1\.2</, '<wp:wxr_version>1.1<')
  .replace(/xmlns:wp=/, 'xmlns:wordpress=').replace(/<(\/?)wp:/g, '<$1wordpress:')

/** The export cut after its `k`-th item and closed again: what a run killed after k items had read. */
export function firstItems(text: string, k: number): string {
  let at = -1
  for (let i = 0; i < k; i++) at = text.indexOf('</item>', at + 1)
  return `${text.slice(0, at + '</item>'.length)}\n</channel>\n</rss>\n`
}

/** Writes `text` to a file in a temp folder removed after the test; returns its path. */
export async function tempFile(t: TestContext, name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-wxr-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}
