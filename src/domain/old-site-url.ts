// The address of a site an import comes from, as the command line's --site-url and the desk's import form take it.

/**
 * `https://blog.example.org/` → `https://blog.example.org`: an http(s) address without user, query or fragment, and
 * without a trailing slash. Returns the reason instead when `raw` is not one.
 */
export function parseOldSiteUrl(raw: string): { readonly url: string } | { readonly error: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { error: `must be an address such as https://blog.example.org, got "${raw.slice(0, 200)}"` }
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    return { error: 'must be an http(s) address without user, query or fragment' }
  }
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` }
}
