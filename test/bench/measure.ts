/**
 * Timing for the benchmark: medians over rounds, and contenders' throughput compared in interleaved rounds.
 * Ratios are what the benchmark reports; absolute times only say how noisy a machine is.
 */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds of each of `rounds` runs of `fn`, after `warmup` untimed runs. */
export function timeRounds(rounds: number, fn: (round: number) => void, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

/** One contender of `compareThroughput`: calls `fn` on each item. */
export interface Contender {
  items: readonly unknown[];
  fn: (item: never) => unknown;
}

/**
 * Calls per second of each contender, measured in interleaved rounds: every contender is warmed
 * up first (so none is timed while V8 still compiles it), then each round times all of them in
 * turn, and each figure is the median of its rounds. Measuring one contender to the end before
 * the next would let machine load and the optimiser's backlog fall on whichever runs first.
 * Time is the process's CPU time, not the wall clock: on a machine shared with other work, the
 * wall clock mostly measures how long the scheduler kept the benchmark waiting.
 */
export function compareThroughput<K extends string>(contenders: Record<K, Contender>, rounds = 7, minMs = 100, warmupMs = 1500): Record<K, number> {
  const names = Object.keys(contenders) as K[];
  const pass = (c: Contender): void => {
    const fn = c.fn as (item: unknown) => unknown;
    for (const item of c.items) fn(item);
  };
  for (const name of names) {
    const warm = performance.now();
    while (performance.now() - warm < warmupMs) pass(contenders[name]);
  }
  const rates = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const c = contenders[name];
      let calls = 0;
      const start = process.cpuUsage();
      let elapsed = 0;
      do {
        pass(c);
        calls += c.items.length;
        const used = process.cpuUsage(start);
        elapsed = (used.user + used.system) / 1000;
      } while (elapsed < minMs);
      rates[name].push((calls / elapsed) * 1000);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(rates[n])])) as Record<K, number>;
}
