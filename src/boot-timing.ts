// Where a start's time goes: wall and CPU time per phase, from the process's own start to the server listening.
// main.ts marks the moment its body runs (everything before is Node's own start and main.ts itself); the phases after it
// are laps of this timer. The breakdown goes into the "broadsheet is serving" log line, which the benchmark reads.

/** The performance mark main.ts leaves, with the process's CPU use then as its detail. */
export const MAIN_MARK = 'broadsheet:main'
/** The mark main.ts leaves once it knows where the server's code loads from: 'bundle' or 'sources' as its detail. */
export const CODE_MARK = 'broadsheet:code'

/** Where main.ts loaded the server's code from, or null when it did not start the process (tests, scripts). */
export const loadedFrom = (): string | null => ((performance.getEntriesByName(CODE_MARK, 'mark')[0] as PerformanceMark | undefined)?.detail as string | undefined) ?? null

export interface BootPhase {
  readonly name: string
  readonly wallMs: number
  readonly cpuMs: number
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000

/** Starts timing at the main mark (or now, without one); each lap() closes a phase that began where the last one ended. */
export function createBootTimer() {
  const mark = performance.getEntriesByName(MAIN_MARK, 'mark')[0] as PerformanceMark | undefined
  const phases: BootPhase[] = []
  let wall = 0
  let cpu = 0
  const lap = (name: string, atWall: number, atCpu: number) => {
    phases.push({ name, wallMs: atWall - wall, cpuMs: atCpu - cpu })
    wall = atWall
    cpu = atCpu
  }
  // performance.now() counts from the process's start, as process.cpuUsage() does.
  if (mark) lap('node', mark.startTime, cpuMs(mark.detail as NodeJS.CpuUsage))
  return {
    lap: (name: string) => lap(name, performance.now(), cpuMs(process.cpuUsage())),
    /** The phases so far, and their totals, rounded to 0.1 ms for the log. */
    report() {
      const round = (ms: number) => Math.round(ms * 10) / 10
      return {
        wallMs: round(wall), cpuMs: round(cpu),
        phases: Object.fromEntries(phases.map((p) => [p.name, { wallMs: round(p.wallMs), cpuMs: round(p.cpuMs) }])),
      }
    },
  }
}
