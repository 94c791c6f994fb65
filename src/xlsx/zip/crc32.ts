/** CRC-32 as zip computes it (polynomial 0xEDB88320, reflected), in plain TypeScript for the browser. */

let table: Int32Array | null = null;

function crcTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}

/** The CRC-32 of `data` (of `previous`'s bytes followed by `data` when given), unsigned 32-bit. */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = (table ??= crcTable());
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
