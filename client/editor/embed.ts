// Embeds: a video player from the allowlist as `<figure class="embed embed-video"><iframe>`, an X post as a link card.

import { Node } from '@tiptap/core'
import { BLOCK_ATOM, innerAttr, notOnOuterElement } from './atom-node.ts'

const iframeAttr = (name: string) => innerAttr('iframe', name)

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
