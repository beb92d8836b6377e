// The catalogues of catalogues/, found by file name when the program loads: adding a language is adding one file.

import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { languagePrefix } from '../domain/language.ts'
import type { Catalogue } from './catalogue.ts'

const DIR = path.join(import.meta.dirname, 'catalogues')
/** A catalogue file is named for its language tag: `ru.ts`, `pt-BR.ts`. */
const FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.ts$/

/** Every catalogue by the language tag its file is named for. */
export const CATALOGUES: ReadonlyMap<string, Catalogue> = new Map(await Promise.all(
  readdirSync(DIR).flatMap((file) => {
    const tag = FILE.exec(file)?.[1]
    return tag ? [import(pathToFileURL(path.join(DIR, file)).href).then((m: { default: Catalogue }) => [tag, m.default] as const)] : []
  }),
))

/** The English catalogue: the reference for every other, and the fallback for languages without one. */
export const ENGLISH: Catalogue = CATALOGUES.get('en')!

/** The catalogue of a language: its exact tag, else its primary subtag (`pt-BR` → `pt`), else English. */
export const catalogueFor = (tag: string): Catalogue => CATALOGUES.get(tag) ?? CATALOGUES.get(languagePrefix(tag)) ?? ENGLISH

/** Open Graph's locale of a language: its catalogue's, else the tag written language_TERRITORY (`pt-BR` → `pt_BR`). */
export const ogLocaleOf = (tag: string): string => {
  const own = CATALOGUES.get(tag) ?? CATALOGUES.get(languagePrefix(tag))
  return own ? own.ogLocale : tag.replace(/-/g, '_')
}
