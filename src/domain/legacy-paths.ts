// Old URLs as keys of the redirects table: one spelling for every way a browser or an export may encode the same path.

const UNRESERVED = /^[A-Za-z0-9\-._~]$/

/**
 * The canonical form of a path with its query: percent-escapes in upper case, escapes of unreserved characters
 * decoded (`%7E` → `~`), and characters outside ASCII escaped as UTF-8. `/greek/%ce%b5`, `/greek/%CE%B5` and
 * `/greek/ε` are one path.
 */
export function normalizeLegacyPath(pathWithQuery: string): string {
  return pathWithQuery
    .replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
      const ch = String.fromCharCode(parseInt(hex, 16))
      return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`
    })
    .replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch))
}
