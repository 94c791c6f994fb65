import * as zlib from "node:zlib";
import { InflateLimitError, type InflatePieces, type ZipCodec } from "./codec";
import { crc32 as crc32Js } from "./crc32";

/**
 * Parts that inflate to less than this are inflated on the main thread: for them the trip to the
 * thread pool and back costs more than it hides (a workbook of 60,000 tiny sheets took twice as long
 * through the pool).
 */
export const SYNC_INFLATE_BELOW = 1024 * 1024;

/** Parts from this size on may be inflated in pieces (`inflateRawPieces`). */
export const PIECES_FROM = 4 * 1024 * 1024;

/** The size of one piece. */
export const PIECE_BYTES = 2 * 1024 * 1024;

/**
 * Node's zlib for the command line: measured faster than fflate on the country-size file. Large
 * parts inflate on libuv's thread pool (the asynchronous `inflateRaw`), so the parts a workbook
 * needs, begun together (`ZipArchive.readAhead`), inflate while the main thread parses the ones
 * already there; small ones (under `SYNC_INFLATE_BELOW`) at once. zlib stops at `maxOutputLength`
 * instead of inflating a bomb whole, on either path. A large part may also be inflated in pieces
 * (`inflateRawPieces`, through a zlib stream on the same thread pool), parsed as they come; that
 * stream is stopped at the first piece past the limit.
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
  inflateRawPieces(data: Uint8Array, limit: number): InflatePieces | null {
    return limit < PIECES_FROM ? null : new ZlibPieces(data, limit);
  },
  crc32: typeof zlib.crc32 === "function" ? (data, previous = 0) => zlib.crc32(data, previous) : crc32Js,
};

/**
 * A zlib stream's output as pieces. The stream inflates a piece on the thread pool, hands it over
 * on this thread and only then begins the next: a piece inflates while the caller parses the one
 * before, and at most the pieces not yet taken wait here (no more than the part's declared size).
 */
class ZlibPieces implements InflatePieces {
  private readonly stream: zlib.InflateRaw;
  private readonly waiting: Uint8Array[] = [];
  private first = 0;
  private size = 0;
  private done = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(data: Uint8Array, limit: number) {
    this.stream = zlib.createInflateRaw({ chunkSize: PIECE_BYTES });
    this.stream.on("data", (piece: Buffer) => {
      this.size += piece.length;
      if (this.size > limit) {
        this.failure = new InflateLimitError("inflated data over the limit");
        this.stream.destroy();
      } else this.waiting.push(piece);
      this.wake?.();
    });
    this.stream.on("end", () => {
      this.done = true;
      this.wake?.();
    });
    this.stream.on("error", (error) => {
      this.failure ??= error;
      this.wake?.();
    });
    this.stream.end(data);
  }

  async next(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.first < this.waiting.length) {
        const piece = this.waiting[this.first];
        this.waiting[this.first++] = EMPTY;
        if (this.first === this.waiting.length) this.waiting.length = this.first = 0;
        return piece;
      }
      if (this.done) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  cancel(): void {
    this.failure ??= new Error("cancelled");
    this.stream.destroy();
  }
}

const EMPTY = new Uint8Array(0);
