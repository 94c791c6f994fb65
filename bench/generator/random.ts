/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that the same seed
 * always gives the same data on every machine and Node version. Not for anything secret.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.float();
  }

  /** A float in [0, 1). */
  float(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Picks from weighted choices: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let x = this.float() * total;
    for (const [value, w] of choices) {
      x -= w;
      if (x < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** An independent generator derived from this one (so adding data to one part leaves the rest unchanged). */
  fork(label: number): Random {
    return new Random((Math.floor(this.float() * 4294967296) ^ Math.imul(label + 1, 0x85ebca6b)) >>> 0);
  }
}

/**
 * Splits `total` items into `parts` whole shares of random, uneven sizes (each at least `min`),
 * summing exactly to `total`.
 */
export function unevenShares(random: Random, total: number, parts: number, min = 1): number[] {
  if (parts <= 0) return [];
  const spare = total - parts * min;
  if (spare < 0) throw new Error(`Cannot split ${total} into ${parts} shares of at least ${min}`);
  const weights = Array.from({ length: parts }, () => 0.35 + random.float() * 1.3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => min + Math.floor((spare * w) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) shares[i]++;
  return shares;
}
