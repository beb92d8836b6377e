// Case and diacritics folding: what makes "Zürich" and "zurich", "Ёлка" and "елка" the same word.

const ASCII = /^[\t-~]*$/
const NON_ASCII = /[^\t-~]/g
const NON_ASCII_OR_I = /[^\t-HJ-~]/g
const UPPER_ASCII = /[A-Z]+/g
/** Combining diacritical marks (U+0300–U+036F): accents on Latin, Greek and Cyrillic letters. */
const DIACRITICS = /[\u0300-\u036f]/g
/** и or й written as и + breve: the breve is kept, because й is a letter of its own in Russian, not an accented и. */
const SHORT_I = /[иИ]\u0306/g

/** Languages whose dotless ı and dotted İ are letters of their own (the Turkish I). */
const TURKIC = new Set(['tr', 'az'])

const primary = (language: string | undefined) => (language ?? '').split('-')[0] ?? ''

/**
 * A word as search and related articles compare it: lower case, Latin, Greek and Cyrillic diacritics removed (é → e,
 * ё → е, ά → α), й kept, final ς → σ, compatibility forms unfolded (ﬁ → fi, full-width Ａ → a). Other scripts' marks
 * (Devanagari vowel signs, Hebrew points) are part of the word and stay. In Turkish and Azerbaijani, I lowers to ı;
 * elsewhere İ lowers to i.
 */
export const foldWord = (word: string, language?: string): string => folderOf(language)(word)

const fold = (word: string, turkic: boolean): string => {
  // Most words are ASCII: lower-casing is all they need, and it is many times cheaper than normalizing.
  if (ASCII.test(word) && !(turkic && word.includes('I'))) return word.toLowerCase()
  let w = turkic ? word.replace(/I/g, 'ı') : word
  w = w.replace(/İ/g, 'i').toLowerCase().normalize('NFKD').replace(SHORT_I, 'й').replace(DIACRITICS, '').normalize('NFC')
  return w.includes('ς') ? w.replace(/ς/g, 'σ') : w
}
const foldPlain = (word: string) => fold(word, false)
const foldTurkic = (word: string) => fold(word, true)

/** foldWord for one language, with the language looked at once: for folding every word of a text. */
export const folderOf = (language?: string): ((word: string) => string) => (TURKIC.has(primary(language)) ? foldTurkic : foldPlain)

/**
 * `text` folded character by character, keeping its length so that positions in it are positions in `text` (for marking
 * words in snippets); a character whose folded form has another length is left as it is.
 */
export function foldChars(text: string, language?: string): string {
  const special = TURKIC.has(primary(language)) ? NON_ASCII_OR_I : NON_ASCII
  return text.replace(special, (c) => {
    const f = foldWord(c, language)
    return f.length === c.length ? f : c
  }).replace(UPPER_ASCII, (s) => s.toLowerCase())
}
