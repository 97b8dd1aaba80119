/**
 * Timing for the benchmark: medians over rounds, and throughput over a fixed amount of work.
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

/**
 * Calls per second of `fn` over `items`, the median of `rounds` passes of at least `minMs` each,
 * after a second of warm-up so every function has reached the optimising compiler.
 */
export function throughput<T>(items: readonly T[], fn: (item: T) => unknown, rounds = 7, minMs = 150, warmupMs = 1000): number {
  const warm = performance.now();
  while (performance.now() - warm < warmupMs) for (const item of items) fn(item);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (const item of items) fn(item);
      calls += items.length;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    rates.push((calls / elapsed) * 1000);
  }
  return median(rates);
}
