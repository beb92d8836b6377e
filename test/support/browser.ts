// Debian's Chromium driven by playwright-core; tests skip with a reason where it is not installed.

import { existsSync } from 'node:fs'
import type { TestContext } from 'node:test'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** A headless browser closed when the test ends, or null after marking the test skipped. */
export async function launchBrowser(t: TestContext): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) {
    t.skip(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)
    return null
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  t.after(() => browser.close())
  return browser
}

/** After a dialog of the editor closes, the editor takes the focus back on the next animation frame, as TipTap's focus
 * does, and puts its own selection back into the page: keys pressed or fields filled before then could land elsewhere
 * or be lost, so a test waits for that frame as a writer's eyes would. The dialog may hand the focus back to the text
 * sooner, so the focus alone does not tell; a frame asked for now runs after the one the editor asked for. */
export async function editorFocused(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('editor-surface')?.contains(document.activeElement))
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())))
}
