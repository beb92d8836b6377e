// Word count and reading time under the editor, live, by the rule the article page uses (src/content/reading-time.ts).

import { readingMinutes, wordCount } from '../../src/content/reading-time.ts'

/** A status line after `surface` showing the figures for `html` at once; `update(html)` refreshes them after a pause in typing. */
export function startWordCount(surface: HTMLElement, html: string): { update(html: string): void } {
  const line = document.createElement('p')
  line.className = 'word-count'
  line.id = 'word-count'
  // Polite and atomic: a screen reader hears the new figures after a pause, not at every keystroke.
  line.setAttribute('aria-live', 'polite')
  line.setAttribute('aria-atomic', 'true')
  surface.after(line)
  let timer: ReturnType<typeof setTimeout> | undefined
  const show = (text: string) => {
    const words = wordCount(text)
    line.textContent = `${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'} · ${readingMinutes(text)} min read`
  }
  show(html)
  return {
    update(text: string) {
      clearTimeout(timer)
      timer = setTimeout(() => show(text), 300)
    },
  }
}
