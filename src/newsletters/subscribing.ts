// Readers subscribing without an account: double opt-in by a 48-hour link, rate limits, and leaving from a signed link.

import type { Clock } from '../domain/clock.ts'
import type { Outgoing } from '../domain/mail.ts'
import { CONFIRM_TTL_MS, normalizeEmail } from '../domain/newsletter.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import type { SubscriptionStatus } from '../store/newsletters.ts'
import type { NewsletterLinks } from './links.ts'

const HOUR = 3_600_000
/** Sign-ups one address may ask for in an hour (each sends a message): enough for a typo'd retry, too few to flood a mailbox. */
export const ADDRESS_LIMIT = 3
/** Sign-ups one client (IP address) may send in an hour: a shared office connection, not a script. */
export const CLIENT_LIMIT = 20

/** What the public page of a newsletter shows. */
export interface PublicNewsletter { readonly id: number; readonly slug: string; readonly name: string; readonly description: string; readonly language: string }

export interface ManageView {
  readonly email: string
  readonly subscriptions: readonly { readonly newsletterId: number; readonly slug: string; readonly name: string; readonly status: SubscriptionStatus }[]
}

export interface SubscribingDeps {
  readonly store: Store
  readonly clock: Clock
  readonly links: NewsletterLinks
  /** Null when mail is off: then nobody can subscribe (the confirmation could not be sent). */
  readonly outgoing: Outgoing | null
}

export function createSubscribing({ store, clock, links, outgoing }: SubscribingDeps) {
  async function bySlug(slug: string): Promise<PublicNewsletter> {
    const n = await store.newsletters.bySlug(slug)
    if (!n) throw new AppError('NotFound', 'there is no such newsletter')
    return { id: n.id, slug: n.slug, name: n.name, description: n.description, language: n.language }
  }

  async function counted(kind: string, value: string, limit: number, now: number): Promise<void> {
    // The counter's key is a hash: login_attempts keeps no reader's address or IP in clear.
    const key = `newsletter-${kind}:${await links.counterKey(value)}`
    const r = await store.sessions.countAttempt(key, { now, limit, windowMs: HOUR, lockMs: HOUR })
    if (!r.counted) throw new AppError('TooMany', 'Too many sign-ups in a short time. Please try again in an hour.')
  }

  return {
    /** The newsletter at /newsletters/<slug>; NotFound when there is none. */
    page: (slug: string): Promise<PublicNewsletter> => bySlug(slug),

    /**
     * Asks for a subscription: sends a confirmation link valid for 48 hours, unless the address already receives the
     * newsletter. The caller answers the same either way, so the form tells nobody who subscribes. Invalid naming
     * `email` for an address we would not send to; TooMany past the limits per client and per address.
     */
    async subscribe(input: { slug: string; email: unknown; client: string }): Promise<void> {
      const email = normalizeEmail(input.email)
      if (email === null) throw new AppError('Invalid', 'Please enter a valid email address.', 'email')
      const n = await store.newsletters.bySlug(input.slug)
      if (!n) throw new AppError('NotFound', 'there is no such newsletter')
      if (!outgoing) throw new AppError('Conflict', 'Sign-ups are closed for now: this site sends no mail yet.')
      const now = clock.now()
      await counted('client', input.client, CLIENT_LIMIT, now)
      await counted('address', email, ADDRESS_LIMIT, now)
      const { token, hash } = await links.confirmToken()
      const siteName = await outgoing.siteName()
      await store.transaction(async (tx) => {
        const subscriber = await tx.newsletters.ensureSubscriber(email, 'form', '', now)
        const current = await tx.newsletters.subscription(n.id, subscriber.id)
        // Already receiving it: nothing to confirm, and no message (the form's answer is the same).
        if (current?.status === 'active' || subscriber.suppressedAt !== null) return
        await tx.newsletters.putPending(n.id, subscriber.id, hash, now + CONFIRM_TTL_MS, now)
        await tx.mailOutbox.enqueue([outgoing.letters.newsletterConfirmation({
          to: email, siteName, newsletterName: n.name, language: n.language, link: outgoing.url(`/newsletters/confirm?t=${token}`),
          expiresAt: now + CONFIRM_TTL_MS, timeZone: outgoing.timeZone,
        })], now)
      })
    },

    /** Starts the subscription a confirmation link is for; Invalid when the link is unknown, used or past its 48 hours. */
    async confirm(token: unknown): Promise<{ newsletter: PublicNewsletter; manageToken: string }> {
      const hash = typeof token === 'string' ? await links.confirmHash(token) : null
      const done = hash === null ? undefined : await store.transaction((tx) => tx.newsletters.confirm(hash, clock.now()))
      if (!done) throw new AppError('Invalid', 'This confirmation link is not valid or has expired. Please sign up again.')
      const n = await store.newsletters.byId(done.newsletterId)
      if (!n) throw new AppError('NotFound', 'there is no such newsletter')
      return { newsletter: { id: n.id, slug: n.slug, name: n.name, description: n.description, language: n.language }, manageToken: await links.manageToken(done.subscriberId) }
    },

    /** The subscriptions a manage link shows; NotFound for a link that is not valid (or a subscriber erased since). */
    async manage(token: unknown): Promise<ManageView> {
      const id = typeof token === 'string' ? await links.subscriberOf(token) : null
      const subscriber = id === null ? undefined : await store.newsletters.subscriberById(id)
      if (!subscriber) throw new AppError('NotFound', 'This link is not valid.')
      return { email: subscriber.email, subscriptions: await store.newsletters.subscriptionsOf(subscriber.id) }
    },

    /**
     * Leaves one newsletter (`newsletterId`) or all of them (null) from a manage or unsubscribe link; the link is the
     * authentication (RFC 8058 one-click needs no session or CSRF token). Leaving twice is not an error.
     */
    async leave(token: unknown, newsletterId: number | null): Promise<void> {
      const id = typeof token === 'string' ? await links.subscriberOf(token) : null
      if (id === null) throw new AppError('NotFound', 'This link is not valid.')
      const now = clock.now()
      await store.transaction(async (tx) => {
        const subscriptions = await tx.newsletters.subscriptionsOf(id)
        for (const s of subscriptions) {
          if (newsletterId === null || s.newsletterId === newsletterId) await tx.newsletters.leave(s.newsletterId, id, now)
        }
      })
    },
  }
}

export type Subscribing = ReturnType<typeof createSubscribing>
