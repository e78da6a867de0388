/**
 * Seeded random draws for the count simulations (test-only): mulberry32 uniforms, Gamma by
 * Marsaglia & Tsang (2000), Poisson by inversion, negative binomial as a Gamma–Poisson mixture.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  // Box–Muller; 1 − u() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape k, scale θ). */
export function gamma(u: () => number, k: number, theta: number): number {
  if (k < 1) return gamma(u, k + 1, theta) * (1 - u()) ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * theta;
  }
}

export function poisson(u: () => number, lambda: number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  const r = u();
  while (r > cdf) {
    k++;
    p *= lambda / k;
    cdf += p;
    if (p === 0 && cdf < r) break;
  }
  return k;
}

/** NegBin with mean mu and size r (variance mu + mu²/r). */
export function negbin(u: () => number, mu: number, r: number): number {
  return poisson(u, gamma(u, r, mu / r));
}
