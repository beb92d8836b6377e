// Rows to lines and back: the scalar conversions of the export format (times, flags, JSON text), driven by format.ts.

import { isoTime, parseTime, type Fields } from './export-format.ts'

type Row = Record<string, unknown>

/** The base type of a scalar field type: `ref:tags?` → `ref:tags`. */
export const baseType = (t: string): string => t.replace(/[?]$/, '').replace(/\[\]$/, '')

/** A database value as the format writes it: times as ISO text, 0/1 as booleans, JSON text parsed. */
function out(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null
  switch (baseType(type)) {
    case 'time': return isoTime(Number(v))
    case 'bool': return Number(v) === 1
    case 'json': return JSON.parse(String(v)) as unknown
    default: return v
  }
}

/** A value of the format as the database stores it (the reader has checked its type). */
function back(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null
  switch (baseType(type)) {
    case 'time': return parseTime(v as string)
    case 'bool': return v === true ? 1 : 0
    case 'json': return JSON.stringify(v)
    default: return v
  }
}

/**
 * The line for `row`, its fields in the format's order; nested fields (lists of ids, nested records) come from
 * `extra`, already in the format's shape.
 */
export function toLine(fields: Fields, row: Row, extra: Row = {}): Row {
  const line: Row = {}
  for (const [name, type] of Object.entries(fields)) line[name] = name in extra ? extra[name] : typeof type === 'string' ? out(type, row[name]) : null
  return line
}

/** The columns of a line's scalar fields, back in the database's units; nested and list fields are left to the caller. */
export function toRow(fields: Fields, line: Row, skip: readonly string[] = []): Row {
  const row: Row = {}
  for (const [name, type] of Object.entries(fields)) {
    if (typeof type !== 'string' || type.endsWith('[]') || skip.includes(name)) continue
    row[name] = back(type, line[name])
  }
  return row
}
