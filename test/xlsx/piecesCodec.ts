import type { InflatePieces, ZipCodec } from "../../src/xlsx/zip/codec";
import { nodeCodec } from "../../src/xlsx/zip/nodeCodec";

/** A codec that hands any deflated part over in pieces of `size` bytes (after inflating it whole). */
export function piecesCodec(size: number): ZipCodec {
  return {
    inflateRaw: nodeCodec.inflateRaw,
    crc32: nodeCodec.crc32,
    inflateRawPieces(data: Uint8Array, limit: number): InflatePieces {
      const inflated = nodeCodec.inflateRaw(data, limit);
      inflated.catch(() => undefined);
      let at = 0;
      return {
        async next() {
          const out = await inflated;
          if (at >= out.length) return null;
          const piece = out.slice(at, at + size);
          at += size;
          return piece;
        },
        cancel() {},
      };
    },
  };
}
