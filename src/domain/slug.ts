// Slugs: how titles become URL segments, and which segments are valid.

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
}

/** Greek (ELOT 743, simplified): accented and final forms spelled out, since NFKD alone would drop the letters. */
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', ά: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', έ: 'e', ζ: 'z', η: 'i', ή: 'i', θ: 'th', ι: 'i', ί: 'i', ϊ: 'i', ΐ: 'i',
  κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', ό: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', ύ: 'y', ϋ: 'y',
  ΰ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ώ: 'o',
}

/** Latin letters that Unicode does not decompose into a base letter and a mark, so NFKD alone would drop them. */
const LATIN: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ə: 'e', ħ: 'h', ŧ: 't',
}

export const MAX_SLUG_LENGTH = 120

/** A URL-safe slug from any title: lower case ASCII, digits and single hyphens ("Kazakh elections: EU view" → "kazakh-elections-eu-view"). */
export function slugify(title: string): string {
  const ascii = [...title.toLowerCase()].map((ch) => CYRILLIC[ch] ?? GREEK[ch] ?? LATIN[ch] ?? ch).join('')
  const slug = ascii
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '')
  return slug || 'untitled'
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Whether a string is a well-formed slug. */
export const isSlug = (value: string): boolean => value.length <= MAX_SLUG_LENGTH && SLUG.test(value)
