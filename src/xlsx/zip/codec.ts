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
  /** CRC-32 (ISO-HDLC, as zip uses) of the bytes. */
  crc32(data: Uint8Array): number;
}

/** The inflated data would exceed the limit given to `inflateRaw`. */
export class InflateLimitError extends Error {
  override readonly name = "InflateLimitError";
}
