// Generated HTML through the sanitizer, seeded and bounded: no script-capable markup survives, a second pass changes
// nothing, and the time grows linearly with the length (src/content/sanitize.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cleanMarkup, MAX_NESTING } from '../../src/content/sanitize.ts'
import { createRandom } from '../../bench/random.ts'

type Rand = () => number
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

const ALLOWED = ['p', 'h2', 'h3', 'b', 'i', 'strong', 'em', 'a', 'ul', 'li', 'blockquote', 'figure', 'figcaption', 'table', 'tr', 'td', 'aside', 'code', 'pre']
const FORBIDDEN = ['script', 'style', 'svg', 'math', 'object', 'embed', 'form', 'input', 'textarea', 'noscript', 'template', 'div', 'span',
  'xmp', 'title', 'iframe', 'base', 'meta', 'link', 'img', 'video', 'select', 'option', 'button', 'SCRIPT', 'ScRiPt']
const SCHEMES = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' \n javascript:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)', '&#x6A;avascript:alert(1)', 'javascript&colon;alert(1)',
  'vbscript:msgbox(1)', 'VBScript:x', 'data:text/html;base64,PHNjcmlwdD4=', 'DATA:image/svg+xml,<svg onload=alert(1)>', '\u0000javascript:x',
  'https://www.youtube.com/embed/x', 'https://evil.example/x', 'http://player.vimeo.com/video/1', '//evil.example', '/media/a.jpg', 'mailto:a@b.example']
const HANDLERS = ['onclick', 'ONERROR', 'onLoad', 'onmouseover', 'onfocus', 'onanimationstart']
const TEXTS = ['plain words', 'a < b & c > d', '&lt;script&gt;alert(1)&lt;/script&gt;', '&amp;&nbsp;&copy;&#169;&#x1F600;', 'Привет, мир',
  '日本語のテキスト', '😀 emoji', '&', '<', '</', '<!--', '-->', ']]>', '"quotes" \'and\'', '\u202etrap', 'javascript:alert(1)']

function attribute(r: Rand): string {
  const quote = pick(r, ['"', "'", ''])
  const value = (v: string): string => (quote ? `${quote}${v.replaceAll(quote, '')}${quote}` : v.replace(/[\s>"'`=<]/g, ''))
  switch (Math.floor(r() * 6)) {
    case 0: return `${pick(r, HANDLERS)}=${value('alert(1)')}`
    case 1: return `${pick(r, ['href', 'src', 'HREF', 'srcset', 'action', 'formaction', 'xlink:href'])}=${value(pick(r, SCHEMES))}`
    case 2: return `style=${value('background:url(javascript:alert(1))')}`
    case 3: return `class=${value(pick(r, ['pull-quote', 'embed', 'evil', 'image wide']))}`
    case 4: return pick(r, ['title', 'alt', 'rel', 'data-x', 'loading', 'allowfullscreen'])
    default: return `title=${value(pick(r, TEXTS))}`
  }
}

/**
 * A random fragment: nested allowed and forbidden elements, attributes, text, entities and, unless `balanced`, broken
 * markup and unclosed elements.
 */
function fragment(r: Rand, depth: number, balanced = false): string {
  const parts: string[] = []
  const count = 1 + Math.floor(r() * 4)
  for (let k = 0; k < count; k++) {
    const roll = r()
    if (roll < 0.3 || depth <= 0) parts.push(pick(r, TEXTS))
    else if (roll < 0.4 && !balanced) parts.push(pick(r, ['<br>', '<hr/>', '</p>', '</b >', '<p', '<a href=', '<!-- c --', '<![CDATA[x]]>', '<?xml x?>', '</iframe>', '<img src=x onerror=alert(1)//']))
    else {
      const tag = r() < 0.6 ? pick(r, ALLOWED) : pick(r, FORBIDDEN)
      const attrs = Array.from({ length: Math.floor(r() * 3) }, () => attribute(r)).join(' ')
      const open = `<${tag}${attrs ? ` ${attrs}` : ''}${r() < 0.1 && !balanced ? '/' : ''}>`
      parts.push(`${open}${fragment(r, depth - 1, balanced)}${r() < 0.8 || balanced ? `</${tag}>` : ''}`)
    }
  }
  return parts.join('')
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' }
/** An attribute value as a browser reads it: entities decoded, then the characters a URL parser skips removed. */
const asBrowserReads = (v: string): string => v.replace(ENTITY, (m, e: string) => {
  if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m
  return String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0x${e.slice(2)}` : e.slice(1)) % 0x110000)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a URL parser skips
}).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()

const EMBED = /^https:\/\/(www\.youtube-nocookie\.com|www\.youtube\.com|player\.vimeo\.com|framatube\.org|peertube\.tv)\//

function assertSafe(out: string, input: string): void {
  const why = `input: ${input}\noutput: ${out}`
  assert.doesNotMatch(out, /<(script|style|svg|math|object|embed|form|input|textarea|base|meta|link|template|noscript|xmp|title)\b/i, why)
  for (const tag of out.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
    const attrs = tag[2]!
    assert.doesNotMatch(attrs, /\son[a-z]+\s*=/i, why)
    assert.doesNotMatch(attrs, /\sstyle\s*=/i, why)
    for (const a of attrs.matchAll(/\s(href|src|srcset|action|formaction)="([^"]*)"/gi)) {
      for (const url of a[2]!.split(',')) assert.doesNotMatch(asBrowserReads(url), /^(javascript|vbscript|data):/, why)
    }
    if (tag[1]!.toLowerCase() === 'iframe') assert.match(/\ssrc="([^"]*)"/.exec(attrs)?.[1] ?? '', EMBED, why)
  }
}

test('generated HTML leaves no script-capable markup, and sanitizing twice changes nothing (1,500 seeded cases)', () => {
  const r = createRandom(20261202).next
  for (let n = 0; n < 1500; n++) {
    const input = fragment(r, 1 + Math.floor(r() * 6))
    const out = cleanMarkup(input)
    assert.ok(out !== null, input)
    assertSafe(out, input)
    assert.equal(cleanMarkup(out), out, `idempotent\ninput: ${input}\noutput: ${out}`)
  }
})

/** The fastest of `runs` timings of f, in milliseconds: the minimum is what the machine's noise adds least to. */
function fastest(f: () => void, runs = 5): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    f()
    best = Math.min(best, performance.now() - t)
  }
  return best
}

test('time grows linearly with the length: eight times the input takes well under twenty times as long', () => {
  const r = createRandom(7).next
  const nested = (depth: number): string => `${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}`
  const shapes: Record<string, string> = {
    // Balanced, so that repeating it does not deepen the nesting from one copy to the next.
    generated: Array.from({ length: 20 }, () => fragment(r, 5, true)).join(''),
    'nesting at the limit': nested(MAX_NESTING),
    'end tags that close nothing': `${'<b></i>'.repeat(MAX_NESTING / 2)}${'</b>'.repeat(MAX_NESTING / 2)}`,
    'refused iframes': '<p>x</p><iframe src="http://evil.example/">fallback</iframe>',
    'unclosed paragraphs': '<p>one two <i>three</i> ',
    'many attributes': `<p ${Array.from({ length: 100 }, (_, i) => `data-a${i}="v" onclick="x"`).join(' ')}>t</p>`,
  }
  for (const [shape, unit] of Object.entries(shapes)) {
    const small = unit.repeat(Math.max(1, Math.round(32_000 / unit.length)))
    const large = small.repeat(8)
    cleanMarkup(large) // warm up the JIT on this shape
    // A shared machine adds noise to one measurement, never a steady 64× to three: the best of three tries counts.
    let ratio = Infinity
    for (let attempt = 0; attempt < 3 && ratio >= 20; attempt++) ratio = fastest(() => cleanMarkup(large)) / fastest(() => cleanMarkup(small))
    assert.ok(ratio < 20, `${shape}: 8× the input took ${ratio.toFixed(1)}× as long (quadratic would be about 64×)`)
  }
})
