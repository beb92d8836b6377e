// Which addresses may be embedded, and how: players from an allowlist as iframes, X posts as link cards.

/** A video player iframe (its host is one the site's sanitizer and CSP allow) or a link card. */
export type EmbedTarget =
  | { readonly kind: 'video'; readonly src: string; readonly title: string }
  | { readonly kind: 'card'; readonly href: string; readonly text: string }

const PEERTUBE_HOSTS = ['framatube.org', 'peertube.tv']
const YOUTUBE_ID = /^[\w-]{11}$/

/**
 * The embed for an address someone pasted, or null when it is not one the site can show.
 *
 * @example embedFor('https://youtu.be/dQw4w9WgXcQ') → { kind: 'video', src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', … }
 */
export function embedFor(address: string): EmbedTarget | null {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.replace(/^(www|m|mobile)\./, '')
  const parts = url.pathname.split('/').filter(Boolean)
  if (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'youtu.be') {
    const id = host === 'youtu.be' ? parts[0] : url.searchParams.get('v') ?? (['embed', 'shorts', 'live'].includes(parts[0] ?? '') ? parts[1] : undefined)
    return id && YOUTUBE_ID.test(id) ? { kind: 'video', src: `https://www.youtube-nocookie.com/embed/${id}`, title: 'YouTube video' } : null
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = parts.find((p) => /^\d{1,12}$/.test(p))
    return id ? { kind: 'video', src: `https://player.vimeo.com/video/${id}`, title: 'Vimeo video' } : null
  }
  if (PEERTUBE_HOSTS.includes(host)) {
    const id = parts[0] === 'w' ? parts[1] : parts[0] === 'videos' && ['watch', 'embed'].includes(parts[1] ?? '') ? parts[2] : undefined
    return id && /^[\w-]{6,64}$/.test(id) ? { kind: 'video', src: `https://${host}/videos/embed/${id}`, title: 'PeerTube video' } : null
  }
  if (host === 'x.com' || host === 'twitter.com') {
    const [user, status, id] = parts
    if (!user || status !== 'status' || !id || !/^\w{1,15}$/.test(user) || !/^\d{1,25}$/.test(id)) return null
    // X posts need X's own script to render: the site shows a card linking to the post instead.
    return { kind: 'card', href: `https://x.com/${user}/status/${id}`, text: `Post on X by @${user}` }
  }
  return null
}

/** Whether a link address is one the site keeps: http(s) or mailto. */
export const isAllowedLink = (href: string): boolean => /^(https?:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(href.trim())
