/**
 * The Mersenne Twister MT19937, the bit generator behind numpy's legacy `RandomState`.
 *
 * Seeded by Matsumoto and Nishimura's `init_genrand` (what `np.random.seed(n)` does for an
 * integer n), it yields the same 32-bit words as numpy, and from them numpy's 53-bit doubles.
 * @module
 */

/** Number of 32-bit words in the generator's state. */
const N = 624;
/** Offset of the word mixed into each regenerated word. */
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** 2**26, the weight of the high 27 bits of a 53-bit double. */
const TWO_POW_26 = 67108864;
/** 2**53, the denominator of a 53-bit double in [0, 1). */
const TWO_POW_53 = 9007199254740992;

/** The MT19937 generator: 624 words of state and a position in them. */
export class MT19937 {
  private readonly key = new Uint32Array(N);
  /** The tempered outputs of the current state, made all at once by `twist` (faster than one by one). */
  private readonly out = new Uint32Array(N);
  private pos = N;

  /** A generator seeded with `seed` (an integer in [0, 2**32 - 1], unchecked here). */
  constructor(seed: number) {
    this.seed(seed);
  }

  /** Re-seeds by `init_genrand`: key[0] = seed, key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >>> 30)) + i. */
  seed(seed: number): void {
    const key = this.key;
    key[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = key[i - 1] ^ (key[i - 1] >>> 30);
      // 1812433253 * prev mod 2**32 without losing bits: Math.imul multiplies modulo 2**32.
      key[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.pos = N;
  }

  /** Regenerates all 624 words (the "twist"). */
  private twist(): void {
    const key = this.key;
    let i = 0;
    for (; i < N - M; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M - N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    const out = this.out;
    for (let k = 0; k < N; k++) {
      // Tempering.
      let z = key[k];
      z ^= z >>> 11;
      z ^= (z << 7) & 0x9d2c5680;
      z ^= (z << 15) & 0xefc60000;
      z ^= z >>> 18;
      out[k] = z;
    }
    this.pos = 0;
  }

  /** The next 32-bit word, as an unsigned integer in [0, 2**32 - 1]. */
  nextUint32(): number {
    if (this.pos === N) this.twist();
    return this.out[this.pos++];
  }

  /** A double in [0, 1) with 53 random bits, from two words: ((a >>> 5) * 2**26 + (b >>> 6)) / 2**53. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  /** A copy of the state (the 624 words and the position), for `get_state`-like uses and tests. */
  getState(): { key: Uint32Array; pos: number } {
    return { key: this.key.slice(), pos: this.pos };
  }
}
