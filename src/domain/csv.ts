// CSV as spreadsheets write and read it (RFC 4180): quoted fields, doubled quotes, CRLF or LF line ends.

/** The rows of `text`; a quoted field may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') { row.push(field); field = '' } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) rows.push([...row, field])
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

/**
 * One CSV line. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed
 * with an apostrophe: an export must not carry a reader's typed formula into an editor's spreadsheet.
 */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map((c) => {
    let s = c === null ? '' : String(c)
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }).join(',') + '\r\n'
}
