// Deterministic abstract hero illustrations for the demo: layered contour "islands", a faint graticule,
// low wave bands and a dashed route, in a calm palette chosen by the seed. Purely graphical, no text.

import type { DemoImage } from './demo-types.ts'

const WIDTH = 1600
const HEIGHT = 900

interface Palette {
  readonly name: string
  readonly sky: readonly [string, string]
  readonly inks: readonly [string, string, string, string, string]
  readonly line: string
}

const PALETTES: readonly Palette[] = [
  { name: 'teal and sand', sky: ['#efe7d4', '#dcd0b4'], inks: ['#c9b58f', '#9fbfae', '#6e9f93', '#3f7a72', '#24524d'], line: '#1d3f3b' },
  { name: 'slate blue and stone', sky: ['#eceae4', '#d6d8d6'], inks: ['#c7c3b8', '#a9b6c4', '#7f93aa', '#56708d', '#34495f'], line: '#25344a' },
  { name: 'moss green and cream', sky: ['#f3eedc', '#e2dcc0'], inks: ['#d4cc9e', '#aebf8c', '#84a06e', '#5d7e52', '#3c5638'], line: '#2c4129' },
  { name: 'terracotta and clay', sky: ['#f4e9dd', '#e7d3c0'], inks: ['#e0bfa0', '#cf9a78', '#b67658', '#8f5640', '#5f3a2c'], line: '#4a2c21' },
  { name: 'navy and ochre', sky: ['#f1e6cc', '#e3cf9e'], inks: ['#d9b56a', '#a9a58a', '#6f8296', '#3f5a78', '#22344f'], line: '#18263a' },
  { name: 'sage and warm grey', sky: ['#efede6', '#dedbd1'], inks: ['#cfcabd', '#b4bfa9', '#93a58c', '#6f8570', '#4c5e50'], line: '#38463b' },
  { name: 'heather and dusk', sky: ['#efe8ec', '#ddd2db'], inks: ['#cdbdca', '#b09cb4', '#8c7a99', '#655a79', '#413c57'], line: '#302b42' },
  { name: 'ochre and olive', sky: ['#f5edd6', '#e8dab2'], inks: ['#e0c684', '#c2ad6a', '#939257', '#6a7147', '#474d33'], line: '#353a25' },
]

/** The palette a seed picks; exported so captions and alt text can name the colours honestly. */
export function heroPaletteName(seed: number): string {
  return paletteFor(seed).name
}

function paletteFor(seed: number): Palette {
  const index = ((Math.trunc(seed) % PALETTES.length) + PALETTES.length) % PALETTES.length
  return PALETTES[index] ?? PALETTES[0]!
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of the title. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** mulberry32: small, fast, deterministic. */
function random(state: number): () => number {
  let a = state >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Point = readonly [number, number]

const r0 = (n: number): string => String(Math.round(n))

/** A smooth closed curve through the midpoints of consecutive points (quadratic Béziers). */
function closedCurve(points: readonly Point[]): string {
  const n = points.length
  const at = (i: number): Point => points[((i % n) + n) % n]!
  const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]
  const start = mid(at(-1), at(0))
  let d = `M${r0(start[0])} ${r0(start[1])}`
  for (let i = 0; i < n; i++) {
    const p = at(i)
    const m = mid(p, at(i + 1))
    d += `Q${r0(p[0])} ${r0(p[1])} ${r0(m[0])} ${r0(m[1])}`
  }
  return d + 'Z'
}

/** Nested contour rings around one centre, drifting slightly so the "terrain" leans one way. */
function island(rnd: () => number, palette: Palette, rings: number, outlines: number): string {
  const cx = 150 + rnd() * 1300
  const cy = 120 + rnd() * 560
  const radius = 220 + rnd() * 260
  const driftX = (rnd() - 0.5) * 120
  const driftY = (rnd() - 0.5) * 90
  const harmonics = [2, 3, 5].map((k) => ({ k, amp: (0.05 + rnd() * 0.12) / (k / 2), phase: rnd() * Math.PI * 2 }))
  const stretch = 1.1 + rnd() * 0.5
  const steps = 12
  let out = ''
  for (let ring = -outlines; ring < rings; ring++) {
    const f = 1 - (ring / rings) * 0.86
    const ox = cx + driftX * (ring / rings)
    const oy = cy + driftY * (ring / rings)
    const points: Point[] = []
    for (let s = 0; s < steps; s++) {
      const theta = (s / steps) * Math.PI * 2
      let wobble = 1
      for (const h of harmonics) wobble += h.amp * Math.sin(h.k * theta + h.phase + ring * 0.18)
      const r = radius * f * wobble
      points.push([ox + Math.cos(theta) * r * stretch, oy + Math.sin(theta) * r])
    }
    if (ring < 0) {
      // Unfilled outer contours, as on a survey map.
      out += `<path d="${closedCurve(points)}" fill="none" stroke-dasharray="${ring === -1 ? 'none' : '4 8'}"/>`
      continue
    }
    const fill = palette.inks[Math.min(ring, palette.inks.length - 1)]!
    const opacity = (0.55 + 0.08 * ring).toFixed(2)
    out += `<path d="${closedCurve(points)}" fill="${fill}" fill-opacity="${opacity}"/>`
  }
  return `<g stroke="${palette.line}" stroke-opacity=".3" stroke-width="1.5">${out}</g>`
}

/** A wave band across the bottom of the frame. */
function band(rnd: () => number, top: number, color: string, opacity: string): string {
  const segments = 5
  const step = WIDTH / segments
  let d = `M0 ${r0(top)}`
  for (let i = 0; i < segments; i++) {
    const x = i * step
    const lift = (rnd() - 0.5) * 90
    d += `Q${r0(x + step / 2)} ${r0(top + lift)} ${r0(x + step)} ${r0(top + (rnd() - 0.5) * 30)}`
  }
  d += `V${HEIGHT}H0Z`
  return `<path d="${d}" fill="${color}" fill-opacity="${opacity}"/>`
}

/** A faint graticule: the map grid the contours sit on. */
function graticule(rnd: () => number, color: string): string {
  const offset = rnd() * 200
  let d = ''
  for (let x = offset; x < WIDTH; x += 200) d += `M${r0(x)} 0V${HEIGHT}`
  for (let y = offset / 2 + 60; y < HEIGHT; y += 180) d += `M0 ${r0(y)}H${WIDTH}`
  return `<path d="${d}" stroke="${color}" stroke-opacity=".1" stroke-width="1" fill="none"/>`
}

/** A dashed route between three waypoints, with small markers. */
function route(rnd: () => number, color: string): string {
  const pts: Point[] = [0, 1, 2].map((i) => [180 + i * 600 + rnd() * 240, 160 + rnd() * 520])
  const [a, b, c] = pts as [Point, Point, Point]
  const d = `M${r0(a[0])} ${r0(a[1])}Q${r0(b[0])} ${r0(a[1])} ${r0(b[0])} ${r0(b[1])}T${r0(c[0])} ${r0(c[1])}`
  const marks = pts.map((p) => `<circle cx="${r0(p[0])}" cy="${r0(p[1])}" r="7"/>`).join('')
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="3" stroke-dasharray="12 10" stroke-opacity=".7"/>` +
    `<g fill="${color}" fill-opacity=".85">${marks}</g>`
}

/** An abstract 1600x900 illustration; the same seed and title always give the same picture. */
export function heroSvg(seed: number, title: string): string {
  const palette = paletteFor(seed)
  const rnd = random((Math.imul(Math.trunc(seed) + 1, 2654435761) ^ hash(title)) >>> 0)
  const id = `bg${(hash(title) ^ Math.trunc(seed)).toString(36)}`
  const angle = Math.round(rnd() * 360)
  const islands = island(rnd, palette, 5, 2) + island(rnd, palette, 4, 1) + (rnd() > 0.4 ? island(rnd, palette, 3, 0) : '')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" preserveAspectRatio="xMidYMid slice">` +
    `<defs><linearGradient id="${id}" gradientTransform="rotate(${angle} .5 .5)">` +
    `<stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient></defs>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#${id})"/>` +
    graticule(rnd, palette.line) +
    islands +
    band(rnd, 700 + rnd() * 60, palette.inks[2], '.35') +
    band(rnd, 790 + rnd() * 40, palette.inks[4], '.45') +
    route(rnd, palette.line) +
    '</svg>'
}

interface ImageSpec { readonly slug: string; readonly seed: number; readonly subject: string }

const SPECS: readonly ImageSpec[] = [
  { slug: 'caspian-contours', seed: 0, subject: 'Caspian trade and shipping' },
  { slug: 'steppe-grid', seed: 1, subject: 'the Kazakh steppe' },
  { slug: 'valley-terraces', seed: 2, subject: 'Fergana Valley farmland' },
  { slug: 'clay-highlands', seed: 3, subject: 'the Armenian highlands' },
  { slug: 'harbour-at-dusk', seed: 4, subject: 'Black Sea ports' },
  { slug: 'border-survey', seed: 5, subject: 'border delimitation' },
  { slug: 'mountain-passes', seed: 6, subject: 'Caucasus mountain passes' },
  { slug: 'delta-fields', seed: 7, subject: 'river deltas and water use' },
  { slug: 'pipeline-route', seed: 8, subject: 'energy corridors' },
  { slug: 'ballot-map', seed: 9, subject: 'elections in the region' },
  { slug: 'glacier-lines', seed: 10, subject: 'Tien Shan glaciers' },
  { slug: 'rail-corridor', seed: 11, subject: 'rail links across the Middle Corridor' },
  { slug: 'capital-plan', seed: 12, subject: 'European policy-making' },
  { slug: 'press-freedom', seed: 13, subject: 'independent journalism' },
  { slug: 'grid-lines', seed: 14, subject: 'electricity grids' },
  { slug: 'migration-routes', seed: 15, subject: 'labour migration' },
]

/** The demo's illustrations; articles reference them by slug as heroes or inline figures. */
export const demoImages: readonly DemoImage[] = SPECS.map((spec) => {
  const colours = heroPaletteName(spec.seed)
  return {
    slug: spec.slug,
    alt: `Abstract map-like illustration of layered contour shapes in ${colours} tones, crossed by a dashed route`,
    caption: `An abstract contour study in ${colours}, illustrating ${spec.subject}.`,
    credit: 'Broadsheet illustration',
    width: WIDTH,
    height: HEIGHT,
    svg: heroSvg(spec.seed, spec.subject),
  }
})
