// What the editor's block atoms (figures, players, link cards) share: each is edited as one piece, and its attributes
// are read from an element inside the stored HTML and written back only by its own renderHTML.

/** Node options of a block that is selected, dragged and deleted whole. */
export const BLOCK_ATOM = { group: 'block', atom: true, draggable: true, selectable: true } as const

/** renderHTML of an attribute that the node's own renderHTML writes: nothing on the outer element. */
export const notOnOuterElement = () => ({})

/** parseHTML of an attribute kept on an inner element: attribute `name` of the first `selector` inside. */
export const innerAttr = (selector: string, name: string) => (el: HTMLElement): string | null =>
  el.querySelector(selector)?.getAttribute(name) ?? null
