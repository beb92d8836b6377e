// A pull quote: a line lifted from the text and set large, `<blockquote class="pull-quote">` as the sanitizer allows.

import { Node } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Wraps the selected paragraphs in a pull quote, or unwraps them. */
      togglePullQuote: () => ReturnType
    }
  }
}

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  // Above the plain block quote's rule, which would otherwise take every <blockquote>.
  parseHTML() {
    return [{ tag: 'blockquote.pull-quote', priority: 60 }]
  },

  renderHTML() {
    return ['blockquote', { class: 'pull-quote' }, 0]
  },

  addCommands() {
    return { togglePullQuote: () => ({ commands }) => commands.toggleWrap(this.name) }
  },
})
