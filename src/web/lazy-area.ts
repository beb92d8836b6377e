// Parts of the site built after the start (composition.ts asks two seconds after listening) or on their first request,
// whichever comes first: the desk and the Admin API.
//
// They are more than half of the app's routes (some 230 of 420 router entries, with their plugins and hooks), and a
// reader-facing instance may never serve them: building them took about 140 ms of CPU of every start. Fastify takes no
// routes once it is listening, so such an area is a Fastify instance of its own, built once. The app matches its
// paths with catch-all routes whose onRequest hook hands the raw request and response over before any body is read;
// the area then answers them with its own routes, hooks and error pages. The app's own onRequest hooks (the page
// cache, load shedding, timing for the metrics) have run by then, and its onResponse hooks run when the area's answer
// is sent.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
/** Where an area leaves the pattern of the route that answered, on the raw request, for the app's metrics. */
const AREA_ROUTE = Symbol('broadsheet.areaRoute')
const areas = new WeakMap<FastifyInstance, (() => Promise<FastifyInstance>)[]>()

/** The route pattern that answered: the area's when an area did, else the app's own. */
export function routePattern(req: FastifyRequest): string | undefined {
  const raw = req.raw as { [AREA_ROUTE]?: string | undefined }
  // Present but undefined: the area matched none of its routes.
  return AREA_ROUTE in raw ? raw[AREA_ROUTE] : req.routeOptions.url
}

export interface LazyAreaOptions {
  /** The paths it serves: each one and everything under it. */
  readonly prefixes: readonly string[]
  /** A new instance with the app's options and hooks, and no routes yet. */
  readonly create: () => FastifyInstance
  /** Registers the area's routes on it (importing their modules then). */
  readonly routes: (instance: FastifyInstance) => Promise<void>
}

/** Serves every path at or under each prefix from an instance built (once, and made ready) on the first such request. */
export function lazyArea(app: FastifyInstance, { prefixes, create, routes }: LazyAreaOptions): void {
  let area: Promise<FastifyInstance> | null = null
  const build = async () => {
    const instance = create()
    // Its routes' patterns, for the app's metrics (the app's own route is only the catch-all).
    instance.addHook('onRequest', async (req) => {
      (req.raw as { [AREA_ROUTE]?: string | undefined })[AREA_ROUTE] = req.routeOptions.url
    })
    await routes(instance)
    await instance.ready()
    return instance
  }
  const load = () => {
    if (!area) {
      area = build()
      // A failed build (short of a broken install it cannot fail) is tried again on the next request.
      area.catch(() => { area = null })
    }
    return area
  }
  areas.set(app, [...(areas.get(app) ?? []), load])
  const handOver = async (req: FastifyRequest, reply: FastifyReply) => {
    const instance = await load()
    reply.hijack()
    instance.routing(req.raw, reply.raw)
  }
  for (const prefix of prefixes) {
    for (const url of [prefix, `${prefix}/*`]) {
      // The handler is never reached: the hook answers first, before the app would read the body.
      app.route({ method: METHODS, url, exposeHeadRoute: false, onRequest: handOver, handler: async () => undefined })
    }
  }
  app.addHook('onClose', async () => {
    if (area) await (await area.catch(() => null))?.close()
  })
}

/**
 * Lets requests that arrived meanwhile in. An area is built while the site serves: yielding between its parts keeps
 * the event loop from stalling for the whole build (some 100 ms of CPU), which load shedding would read as overload.
 */
export const letRequestsIn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Every lazy area of `app`, built now: to have them ready before their first request, and for tests that list routes. */
export async function lazyAreasOf(app: FastifyInstance): Promise<FastifyInstance[]> {
  return Promise.all((areas.get(app) ?? []).map((load) => load()))
}
