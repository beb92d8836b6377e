// Loaded into a server under test with `--import`: samples the V8 heap and external memory (Buffers) every 5 ms and,
// on SIGUSR2, writes the peaks since the last signal to HEAP_PROBE_FILE and starts again from the current values.

import { writeFileSync } from 'node:fs'

const file = process.env.HEAP_PROBE_FILE
if (file) {
  const now = () => process.memoryUsage()
  let peak = { heapUsed: 0, external: 0 }
  const reset = () => {
    const m = now()
    peak = { heapUsed: m.heapUsed, external: m.external }
  }
  reset()
  setInterval(() => {
    const m = now()
    if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed
    if (m.external > peak.external) peak.external = m.external
  }, 5).unref()
  process.on('SIGUSR2', () => {
    writeFileSync(file, JSON.stringify(peak))
    reset()
  })
}
