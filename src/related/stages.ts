// The stages of related_pending (migration 0013), in the order a settle pass (settle.ts) does the work.

export const STAGE = { count: 0, weigh: 1, list: 2, neighbour: 3 } as const
