// Web tests on both engines: a fresh app per engine; PostgreSQL is skipped, with the reason, when no server answers.

import type { TestContext } from 'node:test'
import { buildSiteApp } from './web.ts'
import { forEachEngine } from './databases.ts'
import type { TestApp } from './build-test-app.ts'

/** Defines `name` once per engine, each run on its own app (buildSiteApp: any 5xx fails the test). */
export function onBothEngines(name: string, fn: (a: TestApp, t: TestContext) => Promise<void>): void {
  forEachEngine(name, async (t, engine) => fn(await buildSiteApp(t, { engine }), t))
}
