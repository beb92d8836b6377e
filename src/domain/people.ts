// Bylines: the people and organisations articles are credited to, apart from user accounts.

export const AUTHOR_KINDS = ['staff', 'guest', 'agency'] as const
export type AuthorKind = (typeof AUTHOR_KINDS)[number]

export interface Author {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly bio: string
  readonly kind: AuthorKind
  readonly photoMediaId: number | null
}

export const isAuthorKind = (value: string): value is AuthorKind => (AUTHOR_KINDS as readonly string[]).includes(value)
