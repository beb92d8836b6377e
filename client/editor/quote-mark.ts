// A quote marked in the text: `<q data-quote="anchor">`, the anchor naming the quote stored beside the body (who said
// it, when, where); the sanitizer keeps data-quote on q.

import { Mark } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    quoteMark: {
      /** Marks the selection as the quote `anchor`. */
      setQuote: (anchor: string) => ReturnType
      /** Takes the quote mark off the text around the cursor. */
      unsetQuote: () => ReturnType
    }
  }
}

export const QuoteMark = Mark.create<{ onShortcut: () => void }>({
  name: 'quoteMark',
  // Two quotes never merge into one by touching.
  inclusive: false,
  excludes: '_',

  addOptions() {
    return { onShortcut: () => {} }
  },

  addAttributes() {
    return { anchor: { default: null, parseHTML: (el) => el.getAttribute('data-quote'), renderHTML: (attrs) => ({ 'data-quote': attrs.anchor }) } }
  },

  parseHTML() {
    return [{ tag: 'q[data-quote]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['q', HTMLAttributes, 0]
  },

  addCommands() {
    return {
      setQuote: (anchor) => ({ commands }) => commands.setMark(this.name, { anchor }),
      unsetQuote: () => ({ chain }) => chain().extendMarkRange(this.name).unsetMark(this.name).run(),
    }
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-q': () => { this.options.onShortcut(); return true } }
  },
})
