// The desk and the Admin API are built on their first request (src/web/lazy-area.ts): absent from a fresh app's router,
// then answered with the same headers, body parsing, error pages and metrics as if they had been there from the start.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp } from '../support/build-test-app.ts'
import { lazyAreasOf } from '../../src/web/lazy-area.ts'

test('the desk and the Admin API are not in the router until their first request, then answer as before', async (t) => {
  const { app } = await buildTestApp(t)
  const routes = app.printRoutes({ commonPrefix: false })
  assert.doesNotMatch(routes, /login/, 'no desk route is built at start')
  assert.doesNotMatch(routes, /tokens|articles\/:id\/publish/, 'no Admin API route is built at start')

  // Several first requests at once share one build.
  const first = await Promise.all([1, 2, 3].map(() => app.inject('/desk/setup')))
  for (const res of first) {
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<form/)
    // The area's own hooks: the app's security headers and the desk's no-store.
    assert.ok(res.headers['content-security-policy'], 'security headers are set')
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
    assert.match(String(res.headers['cache-control']), /no-store/)
  }
  const [area, ...others] = await lazyAreasOf(app)
  assert.equal(others.length, 0)
  assert.match(area!.printRoutes({ commonPrefix: false }), /login/)

  // HEAD as for any GET page; a form body is read by the desk's own parser (and refused for its missing token).
  assert.equal((await app.inject({ method: 'HEAD', url: '/desk/setup' })).statusCode, 200)
  const post = await app.inject({ method: 'POST', url: '/desk/setup', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a%40b.example&password=x' })
  assert.equal(post.statusCode, 403)
  assert.match(post.body, /expired or did not come from the desk/)
  // (The desk offers its setup form until it has an owner.)
  // The desk's 404 page and the Admin API's JSON, each from its own handlers.
  const missing = await app.inject('/desk/no-such-page')
  assert.equal(missing.statusCode, 404)
  assert.match(String(missing.headers['content-type']), /text\/html/)
  const api = await app.inject('/api/v1/admin/articles')
  assert.equal(api.statusCode, 401)
  assert.match(String(api.headers['content-type']), /application\/json/)
  // A trailing slash is still redirected by the app before the hand-over.
  const slash = await app.inject('/desk/login/')
  assert.equal(slash.statusCode, 301)
  assert.equal(slash.headers.location, '/desk/login')

  // The metrics name the area's route patterns, not the catch-all.
  const metrics = (await app.inject('/metrics')).body
  assert.match(metrics, /broadsheet_http_request_duration_seconds_count\{route="\/desk\/setup",method="GET",status="200"\} 3/)
  assert.match(metrics, /route="\/api\/v1\/admin\/articles",method="GET",status="401"/)
  assert.doesNotMatch(metrics, /route="\/desk\/\*",method="GET",status="(200|404)"/)
})
