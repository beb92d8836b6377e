// A figure from the media library: the image at the sizes the site uses, its caption and credit; one block, edited as a whole.

import { Node } from '@tiptap/core'
import { BLOCK_ATOM, innerAttr, notOnOuterElement } from './atom-node.ts'
import type { DOMOutputSpec } from '@tiptap/pm/model'

/** An image of the library as the editor page lists it (data from the server's JSON block). */
export interface LibraryImage {
  readonly id: number
  readonly src: string
  readonly srcset: string
  readonly width: number
  readonly height: number
  readonly alt: string
  readonly caption: string
  readonly credit: string
  readonly thumb: string
}

/** The sizes of a body image: the article column on wide screens, the viewport on narrow ones. */
export const BODY_SIZES = '(min-width: 48rem) 44rem, 100vw'

const img = (el: HTMLElement): HTMLImageElement | null => el.querySelector('img')
const fromImg = (name: string) => innerAttr('img', name)

/** The figure node: `<figure class="image"><img …><figcaption>caption <small>credit</small></figcaption></figure>`. */
export const Figure = Node.create({
  name: 'figure',
  ...BLOCK_ATOM,

  addAttributes() {
    return {
      src: { default: null, parseHTML: fromImg('src'), renderHTML: notOnOuterElement },
      srcset: { default: null, parseHTML: fromImg('srcset'), renderHTML: notOnOuterElement },
      sizes: { default: null, parseHTML: fromImg('sizes'), renderHTML: notOnOuterElement },
      alt: { default: '', parseHTML: fromImg('alt'), renderHTML: notOnOuterElement },
      width: { default: null, parseHTML: fromImg('width'), renderHTML: notOnOuterElement },
      height: { default: null, parseHTML: fromImg('height'), renderHTML: notOnOuterElement },
      mediaId: { default: null, parseHTML: fromImg('data-media-id'), renderHTML: notOnOuterElement },
      caption: {
        default: '',
        parseHTML: (el: HTMLElement) => {
          const cap = el.querySelector('figcaption')
          if (!cap) return ''
          const copy = cap.cloneNode(true) as HTMLElement
          copy.querySelectorAll('small').forEach((s) => s.remove())
          return (copy.textContent ?? '').trim()
        },
        renderHTML: notOnOuterElement,
      },
      credit: { default: '', parseHTML: (el: HTMLElement) => (el.querySelector('figcaption small')?.textContent ?? '').trim(), renderHTML: notOnOuterElement },
    }
  },

  parseHTML() {
    return [{ tag: 'figure.image', priority: 60 }, { tag: 'figure', priority: 40, getAttrs: (el: HTMLElement) => (img(el) ? null : false) }]
  },

  renderHTML({ node }) {
    const a = node.attrs
    const attrs: Record<string, string> = {}
    for (const [name, value] of [['src', a.src], ['srcset', a.srcset], ['sizes', a.sizes], ['alt', a.alt ?? ''], ['width', a.width], ['height', a.height], ['data-media-id', a.mediaId]] as const) {
      if (value !== null && value !== undefined && (value !== '' || name === 'alt')) attrs[name] = String(value)
    }
    const caption: unknown[] = []
    if (a.caption) caption.push(String(a.caption))
    if (a.caption && a.credit) caption.push(' ')
    if (a.credit) caption.push(['small', {}, String(a.credit)])
    return ['figure', { class: 'image' }, ['img', attrs], ...(caption.length ? [['figcaption', {}, ...caption] as DOMOutputSpec] : [])] as DOMOutputSpec
  },
})

/** The attributes of a figure of `image`. */
export const figureOf = (image: LibraryImage) => ({
  src: image.src, srcset: image.srcset || null, sizes: image.srcset ? BODY_SIZES : null, alt: image.alt,
  width: String(image.width), height: String(image.height), mediaId: String(image.id), caption: image.caption, credit: image.credit,
})
