// What makes a catalogue complete: every key of the English one, the same placeholders, every plural form it needs.

import type { Catalogue } from './catalogue.ts'

const placeholders = (s: string): string => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',')
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object'
/** Plural messages are the objects whose keys include `other`: their forms differ by language, not by key. */
const isPlural = (v: unknown): v is Record<string, unknown> => isRecord(v) && 'other' in v

/** The problems of `catalogue` against `reference` (English), one sentence each; empty when it is complete. */
export function catalogueProblems(reference: Catalogue, catalogue: Catalogue): string[] {
  const problems: string[] = []
  let rules: Intl.PluralRules | null = null
  try {
    rules = new Intl.PluralRules(catalogue.locale)
  } catch {
    problems.push(`locale "${String(catalogue.locale)}" is not a locale Intl knows`)
  }
  const walk = (ref: Record<string, unknown>, own: Record<string, unknown>, at: string) => {
    for (const [key, value] of Object.entries(ref)) {
      const where = at + key
      const mine = own[key]
      if (mine === undefined) problems.push(`${where} is missing`)
      else if (isPlural(value)) {
        if (!isPlural(mine)) problems.push(`${where} must be a plural message`)
        else {
          for (const form of rules?.resolvedOptions().pluralCategories ?? []) {
            if (typeof mine[form] !== 'string') problems.push(`${where} lacks the plural form "${form}"`)
          }
          for (const [form, text] of Object.entries(mine)) {
            if (typeof text === 'string' && placeholders(text) !== placeholders(String(value.other))) problems.push(`${where}.${form} must use the placeholders {${placeholders(String(value.other))}}`)
          }
        }
      } else if (isRecord(value)) {
        if (!isRecord(mine)) problems.push(`${where} must be a group of messages`)
        else walk(value, mine, `${where}.`)
      } else if (typeof mine !== 'string') problems.push(`${where} must be text`)
      else if (placeholders(mine) !== placeholders(String(value))) problems.push(`${where} must use the placeholders {${placeholders(String(value))}}, as English does`)
    }
    for (const key of Object.keys(own)) if (!(key in ref)) problems.push(`${at}${key} is not a key of the English catalogue`)
  }
  walk(reference as unknown as Record<string, unknown>, catalogue as unknown as Record<string, unknown>, '')
  return problems
}
