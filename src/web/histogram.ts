// A Prometheus histogram that counts without prom-client, so that requests are counted from the first one while
// prom-client (some 80 modules with @opentelemetry/api) loads only when /metrics is first read (src/web/metrics.ts).
// It hands prom-client's registry the same samples, in the same order and shape, as prom-client's own Histogram.

export type LabelValues = Readonly<Record<string, string | number>>

interface Series {
  readonly labels: LabelValues
  /** Observations per bucket (not cumulative); the last one counts those above every bound. */
  readonly counts: number[]
  sum: number
  count: number
}

/** One sample as prom-client's registry formats it: bucket samples carry `le` apart from the series' own labels. */
export interface HistogramSample {
  readonly metricName: string
  readonly labels: Readonly<Record<string, string | number>>
  readonly sharedLabels: LabelValues
  readonly value: number
}

export interface Histogram {
  readonly name: string
  readonly help: string
  readonly type: 'histogram'
  readonly aggregator: 'sum'
  /** Counts one observation; the labels must be those named when it was made, always in the same order. */
  observe(labels: LabelValues, value: number): void
  /** What prom-client's Registry reads at a scrape (Registry.registerMetric takes this object). */
  get(): Promise<{ name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: HistogramSample[] }>
}

/** A histogram of `buckets` (upper bounds, ascending) by the label names given, each series kept apart. */
export function createHistogram(opts: { readonly name: string; readonly help: string; readonly labelNames: readonly string[]; readonly buckets: readonly number[] }): Histogram {
  const { name, help, labelNames, buckets } = opts
  // Keyed as prom-client keys its series, so that two orders of the same labels are one series.
  const sortedNames = [...labelNames].sort()
  const series = new Map<string, Series>()
  return {
    name, help, type: 'histogram', aggregator: 'sum',
    observe(labels, value) {
      if (!Number.isFinite(value)) throw new TypeError(`${name}: not a number: ${value}`)
      const key = sortedNames.map((n) => `${n}:${labels[n]}`).join(',')
      let s = series.get(key)
      if (!s) series.set(key, s = { labels, counts: new Array<number>(buckets.length + 1).fill(0), sum: 0, count: 0 })
      let i = 0
      while (i < buckets.length && value > buckets[i]!) i++
      s.counts[i]!++
      s.sum += value
      s.count++
    },
    async get() {
      const values: HistogramSample[] = []
      for (const s of series.values()) {
        let cumulative = 0
        buckets.forEach((le, i) => {
          cumulative += s.counts[i]!
          values.push({ metricName: `${name}_bucket`, labels: { le }, sharedLabels: s.labels, value: cumulative })
        })
        values.push({ metricName: `${name}_bucket`, labels: { le: '+Inf' }, sharedLabels: s.labels, value: s.count },
          { metricName: `${name}_sum`, labels: {}, sharedLabels: s.labels, value: s.sum },
          { metricName: `${name}_count`, labels: {}, sharedLabels: s.labels, value: s.count })
      }
      return { name, help, type: 'histogram', aggregator: 'sum', values }
    },
  }
}
