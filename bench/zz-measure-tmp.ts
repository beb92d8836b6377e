import { scratchDatabase } from '../test/support/databases.ts'
import { openStore } from '../src/store/store.ts'
for (const engine of ['sqlite', 'postgres'] as const) {
  for (let i = 0; i < 6; i++) {
    const migrated = i % 2 === 1
    const t0 = performance.now()
    const db = await scratchDatabase(engine, { migrated })
    const t1 = performance.now()
    const s = await openStore(db.config, { poolSize: 4 })
    const t2 = performance.now()
    await s.close()
    const t3 = performance.now()
    await db.drop()
    const t4 = performance.now()
    console.log(engine, migrated ? 'clone ' : 'create', (t1 - t0).toFixed(0), 'open+migrate', (t2 - t1).toFixed(0), 'close', (t3 - t2).toFixed(0), 'drop', (t4 - t3).toFixed(0), 'total', (t4 - t0).toFixed(0))
  }
}
