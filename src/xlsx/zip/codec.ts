/**
 * What the zip reader needs from a compression library, so that the reader itself has no Node API:
 * the CLI passes Node's zlib (nodeCodec.ts), the task pane fflate (browserCodec.ts).
 */
export interface ZipCodec {
  /**
   * Inflates raw deflate data. Must never produce more than `limit` bytes: past it, stop and throw
   * `InflateLimitError` (a zip bomb is never inflated whole). Other failures (bad data) throw anything.
   */
  inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array>;
  /** CRC-32 (ISO-HDLC, as zip uses) of the bytes; of `previous`'s bytes followed by these when given. */
  crc32(data: Uint8Array, previous?: number): number;
  /**
   * Optional: begins inflating raw deflate data off the caller's thread, to be taken piece by piece
   * as it comes (so the caller can parse while the rest inflates); null when this codec would
   * rather inflate these data whole (small data, where the pieces would cost more than they hide).
   * The same `limit` as `inflateRaw`.
   */
  inflateRawPieces?(data: Uint8Array, limit: number): InflatePieces | null;
}

/** Inflated data coming in pieces, in order (see `ZipCodec.inflateRawPieces`). */
export interface InflatePieces {
  /**
   * The next piece, or null after the last. Rejects as `inflateRaw` throws (`InflateLimitError`
   * past the limit, anything for bad data); a piece is the caller's (the codec keeps no view of it).
   */
  next(): Promise<Uint8Array | null>;
  /** Stops inflating (the caller will take no more pieces). */
  cancel(): void;
}

/** The inflated data would exceed the limit given to `inflateRaw`. */
export class InflateLimitError extends Error {
  override readonly name = "InflateLimitError";
}
