// The brand that marks HTML as passed through the one sanitizer (content/sanitize.ts).

declare const sanitized: unique symbol

/** HTML that went through content/sanitize.ts, or was stored after it did. */
export type SanitizedHtml = string & { readonly [sanitized]: true }
