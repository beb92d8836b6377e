// Letting the event loop turn between pieces of related-articles work.

/**
 * Lets pending I/O (page requests, another thread's answers) run. better-sqlite3 answers synchronously, so every await
 * in a job resolves as a microtask and a job never gives the event loop a turn on its own: the minutely refresh (200
 * articles, about 3 s on 100,000) held up every page request until it ended.
 */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
