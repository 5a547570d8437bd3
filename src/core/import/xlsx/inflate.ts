/**
 * Raw DEFLATE (RFC 1951), as the parts of an .xlsx package are compressed: stored, fixed-Huffman
 * and dynamic-Huffman blocks, decoded canonically (the code lengths give the codes; each symbol is
 * found by walking the code bit by bit, as zlib's reference decoder puff does). Small and exact,
 * not fast: what it reads is a payroll journal's few sheets.
 *
 * The output never grows past the size the zip directory declares, so a part that inflates to
 * more (a zip bomb, a lying directory) is refused as soon as it tries, and one that gives less,
 * or any malformed stream, is refused too: the caller gets undefined and names the part.
 */

const MAX_BITS = 15;
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order the code length code's lengths come in. */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

class Malformed extends Error {}

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  readonly counts: Int16Array;
  readonly symbols: Int16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Int16Array(MAX_BITS + 1);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]]++;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - counts[len];
    if (left < 0) throw new Malformed("over-subscribed code");
  }
  const offsets = new Int16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = offsets[len] + counts[len];
  const symbols = new Int16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s] !== 0) symbols[offsets[lengths[s]]++] = s;
  return { counts, symbols };
}

const FIXED_LENGTHS = huffman(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_DISTANCES = huffman(Array(30).fill(5));

class Inflater {
  private pos = 0;
  private bitBuffer = 0;
  private bitCount = 0;
  private out = 0;

  constructor(
    private readonly input: Uint8Array,
    private readonly output: Uint8Array,
  ) {}

  private bits(n: number): number {
    let value = this.bitBuffer;
    while (this.bitCount < n) {
      if (this.pos >= this.input.length) throw new Malformed("input ends");
      value |= this.input[this.pos++] << this.bitCount;
      this.bitCount += 8;
    }
    this.bitBuffer = value >>> n;
    this.bitCount -= n;
    return value & ((1 << n) - 1);
  }

  private decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= this.bits(1);
      const count = h.counts[len];
      if (code - count < first) return h.symbols[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Malformed("no such code");
  }

  private put(byte: number): void {
    if (this.out >= this.output.length) throw new Malformed("longer than declared");
    this.output[this.out++] = byte;
  }

  private stored(): void {
    this.bitBuffer = 0;
    this.bitCount = 0;
    if (this.pos + 4 > this.input.length) throw new Malformed("input ends");
    const len = this.input[this.pos] | (this.input[this.pos + 1] << 8);
    const nlen = this.input[this.pos + 2] | (this.input[this.pos + 3] << 8);
    if (len !== (~nlen & 0xffff)) throw new Malformed("stored length");
    this.pos += 4;
    if (this.pos + len > this.input.length) throw new Malformed("input ends");
    for (let i = 0; i < len; i++) this.put(this.input[this.pos++]);
  }

  private codes(lengths: Huffman, distances: Huffman): void {
    for (;;) {
      const symbol = this.decode(lengths);
      if (symbol < 256) this.put(symbol);
      else if (symbol === 256) return;
      else {
        const l = symbol - 257;
        if (l >= LENGTH_BASE.length) throw new Malformed("length code");
        const length = LENGTH_BASE[l] + this.bits(LENGTH_EXTRA[l]);
        const d = this.decode(distances);
        if (d >= DIST_BASE.length) throw new Malformed("distance code");
        const distance = DIST_BASE[d] + this.bits(DIST_EXTRA[d]);
        if (distance > this.out) throw new Malformed("distance too far back");
        for (let i = 0; i < length; i++) this.put(this.output[this.out - distance]);
      }
    }
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new Malformed("too many codes");
    const clens = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) clens[CLEN_ORDER[i]] = this.bits(3);
    const clen = huffman(clens);
    const lengths = new Uint8Array(nlen + ndist);
    for (let i = 0; i < nlen + ndist; ) {
      const symbol = this.decode(clen);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        if (i === 0) throw new Malformed("repeat without a length");
        value = lengths[i - 1];
        repeat = 3 + this.bits(2);
      } else repeat = symbol === 17 ? 3 + this.bits(3) : 11 + this.bits(7);
      if (i + repeat > nlen + ndist) throw new Malformed("too many lengths");
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new Malformed("no end-of-block code");
    this.codes(huffman(lengths.subarray(0, nlen)), huffman(lengths.subarray(nlen)));
  }

  run(): boolean {
    let last = 0;
    while (!last) {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(FIXED_LENGTHS, FIXED_DISTANCES);
      else if (type === 2) this.dynamic();
      else throw new Malformed("block type 3");
    }
    return this.out === this.output.length;
  }
}

/** The inflated bytes, exactly `size` of them; undefined when the stream is malformed or inflates to another size. */
export function inflateRaw(input: Uint8Array, size: number): Uint8Array | undefined {
  const output = new Uint8Array(size);
  try {
    return new Inflater(input, output).run() ? output : undefined;
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
}
