// The timing loop, the same in node and in the browser: every check timed on its own with
// performance.now() over N checks cycling through the verified pool, after a warm-up; the
// median and p99 of those times, and the throughput of the whole loop (which includes the
// timer's own cost, so it is the figure to trust where the timer is coarse, as in a browser).

/**
 * Times `check` on `texts` (cycled) `n` times after `warmup` checks. Returns {n, median_us,
 * p99_us, mean_us, throughput_per_s, timer_resolution_us}.
 */
export function timeChecks(check, texts, n, warmup = 2000) {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += size(check(texts[i % texts.length]));
  const us = new Float64Array(n);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length];
    const t0 = performance.now();
    sink += size(check(t));
    us[i] = (performance.now() - t0) * 1000;
  }
  const total = performance.now() - start;
  us.sort();
  if (sink === 0) throw new Error('no check produced anything');
  return {
    n,
    median_us: us[Math.floor(n / 2)],
    p99_us: us[Math.floor(n * 0.99)],
    mean_us: (total * 1000) / n,
    throughput_per_s: n / (total / 1000),
    timer_resolution_us: resolution(),
  };
}

// a result's size keeps the engine's work observable, so that no JIT can drop it
function size(result) {
  return typeof result === 'string' ? result.length : result.findings.length + 1;
}

/** The smallest step performance.now() shows here, in µs (browsers coarsen it). */
export function resolution() {
  let best = Infinity;
  for (let i = 0; i < 50; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    best = Math.min(best, b - a);
  }
  return best * 1000;
}
