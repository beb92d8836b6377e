// Embeds: a video player from the allowlist as `<figure class="embed embed-video"><iframe>`, an X post as a link card.
// In the editor a video shows as a card naming the provider and the address, with no iframe: the desk makes no request
// to a third party while someone writes (the site's pages load the player).

import { Node } from '@tiptap/core'
import { BLOCK_ATOM, innerAttr, notOnOuterElement } from './atom-node.ts'

const iframeAttr = (name: string) => innerAttr('iframe', name)

/** The player's maker, by the host of its address (embed-url.ts allows no others). */
export function providerOf(src: string): string {
  const host = (() => { try { return new URL(src).hostname } catch { return '' } })()
  if (/(^|\.)youtube(-nocookie)?\.com$/.test(host)) return 'YouTube'
  if (host === 'player.vimeo.com') return 'Vimeo'
  return host ? `PeerTube (${host})` : 'Video'
}

export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  ...BLOCK_ATOM,

  addAttributes() {
    return {
      src: { default: null, parseHTML: iframeAttr('src'), renderHTML: notOnOuterElement },
      title: { default: 'Video', parseHTML: iframeAttr('title'), renderHTML: notOnOuterElement },
    }
  },

  parseHTML() {
    return [{ tag: 'figure.embed', priority: 60, getAttrs: (el: HTMLElement) => (el.querySelector('iframe') ? null : false) }]
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('figure')
      dom.className = 'embed-preview'
      dom.contentEditable = 'false'
      const src = String(node.attrs.src ?? '')
      const play = document.createElement('span')
      play.className = 'play'
      play.setAttribute('aria-hidden', 'true')
      play.textContent = '▶'
      const text = document.createElement('figcaption')
      const provider = document.createElement('span')
      provider.className = 'provider'
      provider.textContent = `${providerOf(src)} · `
      const title = document.createElement('span')
      title.textContent = String(node.attrs.title || 'Video')
      const address = document.createElement('span')
      address.className = 'address'
      address.textContent = src
      text.append(provider, title, address)
      dom.append(play, text)
      return { dom }
    }
  },

  renderHTML({ node }) {
    return ['figure', { class: 'embed embed-video' }, ['iframe', {
      src: String(node.attrs.src ?? ''), title: String(node.attrs.title || 'Video'), width: '560', height: '315', allowfullscreen: 'true', loading: 'lazy',
    }]]
  },
})

export const LinkCard = Node.create({
  name: 'linkCard',
  ...BLOCK_ATOM,

  addAttributes() {
    return {
      href: { default: null, parseHTML: innerAttr('a', 'href'), renderHTML: notOnOuterElement },
      text: { default: '', parseHTML: (el: HTMLElement) => (el.querySelector('a')?.textContent ?? el.textContent ?? '').trim(), renderHTML: notOnOuterElement },
    }
  },

  parseHTML() {
    return [{ tag: 'aside.embed-card', priority: 60 }]
  },

  renderHTML({ node }) {
    const href = String(node.attrs.href ?? '')
    return ['aside', { class: 'embed-card' }, ['p', {}, ['a', { href }, String(node.attrs.text || href)]]]
  },
})
