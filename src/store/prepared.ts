// Reads that run on every page view, built and compiled by Kysely once instead of on every call.

import { CompiledQuery, type Compilable, type Kysely } from 'kysely'

const SLOT = Symbol('slot')

/** What `build` receives in place of a value: Kysely binds it as a parameter like any other value. */
interface Slot {
  readonly [SLOT]: string
}

/** Runs a prepared query with one call's values. */
export type Prepared<P, R> = (values: P) => Promise<R[]>

const isSlot = (v: unknown): v is Slot => typeof v === 'object' && v !== null && SLOT in v

/**
 * A query whose SQL text is made once: `build` is called with slots instead of values, Kysely binds each slot as a
 * parameter, and every call fills the slots with its values. Building and compiling a listing query cost more than
 * running it (40–60 µs against 25–75 µs on SQLite), on every statement of every page.
 *
 * `build` may use its values only where Kysely binds values (comparisons, LIMIT, OFFSET), never to shape the query
 * (an `if`, a list's length): the first call checks that every value it read became a parameter. Lists of ids go in
 * one parameter through the dialect's `inList`.
 */
export function prepared<P extends object, R>(db: Kysely<any>, build: (values: P) => Compilable<R>): Prepared<P, R> {
  let compiled: CompiledQuery<R> | null = null
  return async (values) => {
    compiled ??= compileWithSlots(build)
    const parameters = compiled.parameters.map((p) => (isSlot(p) ? (values as Record<string, unknown>)[p[SLOT]] : p))
    return (await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>)).rows
  }
}

/** Compiles `build` called with slots, and checks that every value it read became a parameter (see prepared). */
function compileWithSlots<P extends object, R>(build: (values: P) => Compilable<R>): CompiledQuery<R> {
  const read = new Set<string>()
  const slots = new Proxy({}, {
    get: (_, name) => {
      if (typeof name !== 'string') return undefined
      read.add(name)
      return { [SLOT]: name }
    },
  }) as P
  const query = build(slots).compile()
  const bound = new Set(query.parameters.filter(isSlot).map((p) => p[SLOT]))
  for (const name of read) if (!bound.has(name)) throw new Error(`prepared query: "${name}" shaped the query instead of being bound as a value: ${query.sql}`)
  return query
}

/**
 * A family of prepared queries whose SQL varies with a shape (how many sections a listing names, which date bounds it
 * has): one compiled statement per shape, made on first use. `build` may use `shape` to shape the query and `values`
 * only as values. At most `maxShapes` are kept; callers bound their shapes anyway (a list of distinct sections).
 */
export function preparedByShape<S, P extends object, R>(
  db: Kysely<any>, key: (shape: S) => string, build: (shape: S, values: P) => Compilable<R>, maxShapes = 64,
): (shape: S, values: P) => Promise<R[]> {
  const shapes = new Map<string, Prepared<P, R>>()
  return (shape, values) => {
    const k = key(shape)
    let query = shapes.get(k)
    if (!query) {
      if (shapes.size >= maxShapes) shapes.clear()
      query = prepared(db, (v: P) => build(shape, v))
      shapes.set(k, query)
    }
    return query(values)
  }
}

/**
 * A multi-row statement (an insert) prepared by its number of rows: `build` receives the rows with slots for the
 * `columns` of each, and the statement is compiled once per row count. Bulk writers send rows in a few fixed counts
 * (statement-chunks.ts), where parsing every row's values cost Kysely more than SQLite took to insert them.
 */
export function preparedRows<Row extends Record<string, unknown>, R>(
  db: Kysely<any>, columns: readonly (keyof Row & string)[], build: (rows: Row[]) => Compilable<R>, maxShapes = 64,
): (rows: readonly Row[]) => Promise<R[]> {
  // Each parameter of a compiled statement is one row's column, or a constant the builder wrote into the query: the
  // rows' values go straight into the parameter list, with no object of slots per call (at 15,000 rows a statement,
  // filling one cost as much as SQLite took to insert them).
  type Pick = { readonly row: number; readonly column: string } | { readonly constant: unknown }
  const shapes = new Map<number, { readonly sql: string; readonly picks: readonly Pick[] }>()
  const shapeOf = (n: number) => {
    let shape = shapes.get(n)
    if (!shape) {
      if (shapes.size >= maxShapes) shapes.clear()
      const query = compileWithSlots((v: Record<string, unknown>) =>
        build(Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c) => [c, v[`${i}:${c}`]])) as Row)))
      const picks = query.parameters.map((p): Pick => {
        if (!isSlot(p)) return { constant: p }
        const name = p[SLOT], at = name.indexOf(':')
        return { row: Number(name.slice(0, at)), column: name.slice(at + 1) }
      })
      shapes.set(n, shape = { sql: query.sql, picks })
    }
    return shape
  }
  return async (rows) => {
    const { sql, picks } = shapeOf(rows.length)
    const parameters = picks.map((p) => ('constant' in p ? p.constant : rows[p.row]![p.column]))
    return (await db.executeQuery(CompiledQuery.raw(sql, parameters) as CompiledQuery<R>)).rows
  }
}
