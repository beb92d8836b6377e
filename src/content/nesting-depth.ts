// A linear pre-scan of HTML nesting depth, so that absurdly deep markup is refused before any parser sees it.

/** Elements that never hold content, so never nest. */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** Elements whose content is raw text up to their end tag (as htmlparser2's tokenizer reads them): nothing inside nests. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'])

const P = ['p']
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']
const BLOCKS_CLOSING_P = ['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'header', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']

/**
 * Opening one of these closes the listed open elements first, as htmlparser2 does (`<p>a<p>b` is two paragraphs, not
 * one inside the other), so that unclosed paragraphs and list items of ordinary markup do not count as nesting.
 */
const OPEN_IMPLIES_CLOSE = new Map<string, readonly string[]>([
  ['tr', ['tr', 'th', 'td']], ['th', ['th']], ['td', ['thead', 'th', 'td']], ['a', ['a']], ['li', ['li']], ['p', P],
  ['option', ['option']], ['optgroup', ['optgroup', 'option']], ['dd', ['dd', 'dt']], ['dt', ['dd', 'dt']],
  ['tbody', ['thead', 'tbody']], ['tfoot', ['thead', 'tbody']], ['rt', ['rt', 'rp']], ['rp', ['rt', 'rp']],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h): [string, readonly string[]] => [h, HEADINGS]),
  ...BLOCKS_CLOSING_P.map((b): [string, readonly string[]] => [b, P]),
])

const RAW_TEXT_END = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]))

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
/** Ends a tag or attribute name: white space, `/` or `>`. */
const endsName = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 47 || c === 62
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13)

/** The lower-case tag name starting at `from`, and where it ends. */
function readName(html: string, from: number): { name: string; end: number } {
  let end = from
  while (end < html.length && !endsName(html.charCodeAt(end))) end++
  return { name: html.slice(from, end).toLowerCase(), end }
}

/** Index just past the `>` that ends the start tag whose attributes begin at `from`, skipping quoted values. */
function endOfStartTag(html: string, from: number): number {
  let i = from
  while (i < html.length) {
    const c = html.charCodeAt(i)
    if (c === 62 /* > */) return i + 1
    if (c === 61 /* = */) {
      i++
      while (i < html.length && isSpace(html.charCodeAt(i))) i++
      const q = html.charCodeAt(i)
      if (q === 34 || q === 39) {
        const close = html.indexOf(q === 34 ? '"' : "'", i + 1)
        if (close === -1) return html.length
        i = close + 1
        continue
      }
    }
    i++
  }
  return html.length
}

/**
 * Whether `html` nests elements deeper than `max` levels. One pass, linear in the length: the open elements are kept in a
 * stack of at most `max + 1` names with a count per name, so an end tag finds its element without searching the stack.
 * It follows htmlparser2's reading closely (void and raw-text elements, comments, implied ends of paragraphs and list
 * items) but need not be exact: the sanitizer counts the parser's own depth as it goes and stops at the same limit.
 */
export function nestsDeeperThan(html: string, max: number): boolean {
  const stack: string[] = []
  const open = new Map<string, number>()
  const pop = (): void => {
    const name = stack.pop()!
    open.set(name, open.get(name)! - 1)
  }
  let i = html.indexOf('<')
  while (i !== -1 && i < html.length - 1) {
    const c = html.charCodeAt(i + 1)
    let next = i + 1
    if (c === 33 /* ! */) {
      const comment = html.startsWith('<!--', i)
      const end = comment ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2)
      next = end === -1 ? html.length : end + (comment ? 3 : 1)
    } else if (c === 63 /* ? */) {
      const end = html.indexOf('>', i + 2)
      next = end === -1 ? html.length : end + 1
    } else if (c === 47 /* / */ && isLetter(html.charCodeAt(i + 2))) {
      const { name, end } = readName(html, i + 2)
      if ((open.get(name) ?? 0) > 0) {
        while (stack[stack.length - 1] !== name) pop()
        pop()
      }
      const close = html.indexOf('>', end)
      next = close === -1 ? html.length : close + 1
    } else if (isLetter(c)) {
      const { name, end } = readName(html, i + 1)
      next = endOfStartTag(html, end)
      const raw = RAW_TEXT_END.get(name)
      if (raw) {
        raw.lastIndex = next
        next = raw.exec(html) ? raw.lastIndex : html.length
      } else if (!VOID.has(name)) {
        const closes = OPEN_IMPLIES_CLOSE.get(name)
        while (closes && stack.length > 0 && closes.includes(stack[stack.length - 1]!)) pop()
        stack.push(name)
        open.set(name, (open.get(name) ?? 0) + 1)
        if (stack.length > max) return true
      }
    }
    i = html.indexOf('<', next)
  }
  return false
}
