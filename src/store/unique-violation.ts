// One test for "a unique constraint refused this write", whichever engine answered: use-cases turn it into a clear
// Conflict or Invalid naming the field (a slug or an email taken in the meantime).

/** Whether a database error is a unique-constraint violation: PostgreSQL's 23505 or SQLite's SQLITE_CONSTRAINT_UNIQUE. */
export const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; message?: string } | null
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '')
}
