import * as zlib from "node:zlib";
import { InflateLimitError, type ZipCodec } from "./codec";
import { crc32 as crc32Js } from "./crc32";

/**
 * Parts that inflate to less than this are inflated on the main thread: for them the trip to the
 * thread pool and back costs more than it hides (a workbook of 60,000 tiny sheets took twice as long
 * through the pool).
 */
export const SYNC_INFLATE_BELOW = 1024 * 1024;

/**
 * Node's zlib for the command line: measured faster than fflate on the country-size file. Large
 * parts inflate on libuv's thread pool (the asynchronous `inflateRaw`), so the parts a workbook
 * needs, begun together (`ZipArchive.readAhead`), inflate while the main thread parses the ones
 * already there; small ones (under `SYNC_INFLATE_BELOW`) at once. zlib stops at `maxOutputLength`
 * instead of inflating a bomb whole, on either path.
 */
export const nodeCodec: ZipCodec = {
  inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array> {
    // The declared size is known: one output chunk of that size (plus one byte, to see a lie) saves
    // thousands of 16 KB chunks and their concatenation. maxOutputLength must be at least 1.
    const options = {
      chunkSize: Math.max(limit + 1, zlib.constants.Z_MIN_CHUNK),
      maxOutputLength: Math.max(limit, 1),
    };
    const failure = (error: unknown): Error =>
      (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
        ? new InflateLimitError("inflated data over the limit", { cause: error })
        : (error as Error);
    if (limit < SYNC_INFLATE_BELOW) {
      try {
        return Promise.resolve(zlib.inflateRawSync(data, options));
      } catch (error) {
        return Promise.reject(failure(error));
      }
    }
    return new Promise((resolve, reject) => {
      zlib.inflateRaw(data, options, (error, out) => (error ? reject(failure(error)) : resolve(out)));
    });
  },
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32Js,
};
