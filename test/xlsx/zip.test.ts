import * as zlib from "node:zlib";
import { ZipArchive, ZipProblem } from "../../src/xlsx/zip/archive";
import { browserCodec } from "../../src/xlsx/zip/browserCodec";
import { InflateLimitError, type ZipCodec } from "../../src/xlsx/zip/codec";
import { crc32 } from "../../src/xlsx/zip/crc32";
import { nodeCodec, SYNC_INFLATE_BELOW } from "../../src/xlsx/zip/nodeCodec";
import { deflatedRun, entry, zipBytes } from "../../scripts/hostile/zipBytes";
import { piecesCodec } from "./piecesCodec";

describe("crc32", () => {
  it("gives the standard check value and agrees with zlib", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) & 0xff);
    expect(crc32(bytes)).toBe(zlib.crc32(bytes));
  });

  it("continues from a previous CRC (pieces), as zlib's and the codecs' do", () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 7919) & 0xff);
    for (const cut of [0, 1, 4999, 10_000]) {
      const [a, b] = [bytes.subarray(0, cut), bytes.subarray(cut)];
      for (const f of [crc32, nodeCodec.crc32, browserCodec.crc32]) expect(f(b, f(a))).toBe(crc32(bytes));
    }
  });
});

describe.each([
  ["Node's zlib", nodeCodec],
  ["fflate", browserCodec],
])("codec: %s", (_, codec: ZipCodec) => {
  it("inflates raw deflate data", async () => {
    const data = new TextEncoder().encode("Pò Mầm ".repeat(1000));
    const out = await codec.inflateRaw(zlib.deflateRawSync(data), data.length);
    expect(Buffer.from(out).equals(Buffer.from(data))).toBe(true);
    expect(codec.crc32(data)).toBe(zlib.crc32(data));
  });

  it("stops at the limit instead of inflating a bomb whole", async () => {
    const bomb = deflatedRun(256 * 1024 * 1024);
    await expect(codec.inflateRaw(bomb, 1024)).rejects.toBeInstanceOf(InflateLimitError);
  });

  it("fails on data cut short", async () => {
    const data = zlib.deflateRawSync(Buffer.alloc(100_000, 7).map((_, i) => i & 0xff));
    await expect(codec.inflateRaw(data.subarray(0, data.length >> 1), 100_000)).rejects.toThrow();
  });
});

describe.each([
  ["on the main thread", 64 * 1024],
  ["on the thread pool", SYNC_INFLATE_BELOW * 2],
])("Node's zlib, parts inflated %s", (_, size: number) => {
  it("inflates, checks the limit and refuses broken data", async () => {
    const data = Buffer.alloc(size).map((_, i) => (i * 7919) % 251);
    const deflated = zlib.deflateRawSync(data);
    const out = await nodeCodec.inflateRaw(deflated, size);
    expect(Buffer.from(out).equals(data)).toBe(true);
    // A declared size smaller than the data: stops at it instead of inflating the rest.
    await expect(nodeCodec.inflateRaw(deflated, size - 1)).rejects.toBeInstanceOf(InflateLimitError);
    await expect(nodeCodec.inflateRaw(deflatedRun(64 * 1024 * 1024), size)).rejects.toBeInstanceOf(
      InflateLimitError,
    );
    const cut = nodeCodec.inflateRaw(deflated.subarray(0, deflated.length >> 1), size);
    await expect(cut).rejects.toThrow();
    await expect(cut).rejects.not.toBeInstanceOf(InflateLimitError);
  });
});

async function problemOf(action: () => unknown): Promise<ZipProblem> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ZipProblem) return error;
    throw error;
  }
  throw new Error("no problem raised");
}

describe("ZipArchive", () => {
  const parts = [entry("xl/workbook.xml", "<workbook/>"), entry("xl/a.xml", "stored", 0)];

  it("reads entries by name (case-insensitive, leading slash optional), stored and deflated", async () => {
    const zip = new ZipArchive(zipBytes(parts), nodeCodec);
    expect(zip.names()).toEqual(["xl/workbook.xml", "xl/a.xml"]);
    expect(new TextDecoder().decode((await zip.read("/XL/Workbook.xml"))!)).toBe("<workbook/>");
    expect(new TextDecoder().decode((await zip.read("xl/a.xml"))!)).toBe("stored");
    expect(await zip.read("xl/none.xml")).toBeNull();
  });

  it("finds the directory behind a zip comment", async () => {
    const bytes = zipBytes(parts);
    const withComment = Buffer.concat([bytes, Buffer.from("ghi chú")]);
    withComment.writeUInt16LE(Buffer.byteLength("ghi chú"), bytes.length - 2);
    const zip = new ZipArchive(withComment, nodeCodec);
    expect(await zip.read("xl/a.xml")).not.toBeNull();
  });

  it("refuses a wrong CRC, in stored and in deflated entries", async () => {
    for (const method of [0, 8] as const) {
      const e = entry("xl/a.xml", "25", method);
      const zip = new ZipArchive(zipBytes([{ ...e, crc: e.crc ^ 1 }]), nodeCodec);
      const p = await problemOf(() => zip.read("xl/a.xml"));
      expect(p.kind).toBe("corrupt");
      expect(p.detail.en).toContain("CRC");
    }
  });

  it("refuses duplicate names, also differing only in case", async () => {
    const p = await problemOf(
      () => new ZipArchive(zipBytes([entry("xl/A.xml", "1"), entry("xl/a.xml", "2")]), nodeCodec),
    );
    // Both spellings are named: "xl/a.xml" alone is there once.
    expect(p.detail.en).toBe("the zip holds the part “xl/A.xml” twice (the second time written “xl/a.xml”)");
    expect(p.detail.vi).toBe("phần “xl/A.xml” có hai lần trong tệp nén (lần thứ hai viết là “xl/a.xml”)");
    const slash = await problemOf(
      () => new ZipArchive(zipBytes([entry("a/b", "1"), entry("a\\b", "2")]), nodeCodec),
    );
    expect(slash.detail.en).toBe("the zip holds the part “a/b” twice (the second time written “a\\b”)");
    const same = await problemOf(
      () => new ZipArchive(zipBytes([entry("xl/a.xml", "1"), entry("xl/a.xml", "2")]), nodeCodec),
    );
    expect(same.detail.en).toBe("the zip holds the part “xl/a.xml” twice");
    // Case is folded for ASCII letters only, as OPC compares part names: these are two parts.
    const zip = new ZipArchive(zipBytes([entry("xl/Å.xml", "1"), entry("xl/å.xml", "2")]), nodeCodec);
    expect(new TextDecoder().decode((await zip.read("xl/Å.xml"))!)).toBe("1");
    expect(new TextDecoder().decode((await zip.read("xl/å.xml"))!)).toBe("2");
  });

  it("refuses a cut file, and a directory that points outside the file", async () => {
    const bytes = zipBytes(parts);
    expect(
      (await problemOf(() => new ZipArchive(bytes.subarray(0, bytes.length - 10), nodeCodec))).kind,
    ).toBe("corrupt");
    const outside = await problemOf(
      () => new ZipArchive(zipBytes(parts, { centralOffsetDelta: 5000 }), nodeCodec),
    );
    expect(outside.detail.en).toContain("outside the file");
  });

  it("refuses an entry whose local header lies outside the file", async () => {
    const bytes = zipBytes(parts);
    const directory = bytes.length - 22 - (46 + "xl/workbook.xml".length) - (46 + "xl/a.xml".length);
    bytes.writeUInt32LE(0x7fffffff, directory + 42);
    const zip = new ZipArchive(bytes, nodeCodec);
    expect((await problemOf(() => zip.read("xl/workbook.xml"))).detail.en).toContain("outside the file");
  });

  it("reads a ZIP64 archive (sizes and offsets in the extra fields, counts in the ZIP64 end record)", async () => {
    const zip = new ZipArchive(zipBytes(parts, { zip64: true }), nodeCodec);
    expect(zip.names()).toEqual(["xl/workbook.xml", "xl/a.xml"]);
    expect(new TextDecoder().decode((await zip.read("xl/workbook.xml"))!)).toBe("<workbook/>");
    expect(new TextDecoder().decode((await zip.read("xl/a.xml"))!)).toBe("stored");
  });

  it("refuses a ZIP64 archive whose ZIP64 records are missing or damaged", async () => {
    const noRecord = zipBytes(parts);
    noRecord.writeUInt16LE(0xffff, noRecord.length - 22 + 10);
    expect((await problemOf(() => new ZipArchive(noRecord, nodeCodec))).detail.en).toContain(
      "ZIP64 directory record is missing",
    );
    const badLocator = zipBytes(parts, { zip64: true });
    badLocator.writeBigUInt64LE(1_000_000n, badLocator.length - 22 - 20 + 8);
    expect((await problemOf(() => new ZipArchive(badLocator, nodeCodec))).detail.en).toContain(
      "ZIP64 directory record is damaged",
    );
    const badExtra = zipBytes(parts, { zip64: true });
    // The first central header's extra field: say it is not a ZIP64 one.
    const central = badExtra.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    badExtra.writeUInt16LE(0x7075, central + 46 + "xl/workbook.xml".length);
    expect((await problemOf(() => new ZipArchive(badExtra, nodeCodec))).detail.en).toContain(
      "ZIP64 sizes of the part “xl/workbook.xml”",
    );
  });

  it("refuses bytes after the end record, and a comment length that does not match them", async () => {
    const bytes = zipBytes(parts);
    const appended = Buffer.concat([bytes, Buffer.alloc(100, 0x41)]);
    const p = await problemOf(() => new ZipArchive(appended, nodeCodec));
    expect(p.kind).toBe("corrupt");
    expect(p.detail.en).toContain("100 extra bytes follow the end of the zip");
    expect(p.detail.vi).toContain("100 byte thừa");
    // A comment of 20 bytes declared as 8: 12 bytes left over.
    const commented = Buffer.concat([bytes, Buffer.from("a comment, 20 bytes.")]);
    commented.writeUInt16LE(8, bytes.length - 2);
    expect((await problemOf(() => new ZipArchive(commented, nodeCodec))).detail.en).toContain(
      "12 extra bytes",
    );
    // Declared longer than what is there: the file is cut short.
    commented.writeUInt16LE(200, bytes.length - 2);
    expect((await problemOf(() => new ZipArchive(commented, nodeCodec))).detail.en).toContain(
      "central directory is missing",
    );
  });

  it("refuses a second end record hidden in the comment (two readers could see two workbooks)", async () => {
    const bytes = zipBytes(parts);
    const fake = Buffer.from(bytes.subarray(bytes.length - 22));
    const twice = Buffer.concat([bytes, fake]);
    twice.writeUInt16LE(22, bytes.length - 2);
    const p = await problemOf(() => new ZipArchive(twice, nodeCodec));
    expect(p.detail.en).toContain("two end-of-directory records");
  });

  it("refuses split archives, encryption and unknown methods as unsupported", async () => {
    const split = zipBytes(parts);
    split.writeUInt16LE(1, split.length - 22 + 4);
    expect((await problemOf(() => new ZipArchive(split, nodeCodec))).kind).toBe("unsupported-zip");
    const encrypted = new ZipArchive(zipBytes([{ ...entry("xl/a.xml", "x"), flags: 1 }]), nodeCodec);
    expect((await problemOf(() => encrypted.read("xl/a.xml"))).detail.en).toContain("encrypted");
    const bzip = new ZipArchive(zipBytes([{ ...entry("xl/a.xml", "x"), method: 12 as 8 }]), nodeCodec);
    expect((await problemOf(() => bzip.read("xl/a.xml"))).detail.en).toContain("method 12");
  });

  it("refuses declared sizes over the limits, high ratios, and sizes that lie, without inflating", async () => {
    const mib = 1024 * 1024;
    const inflated: number[] = [];
    const spy: ZipCodec = {
      inflateRaw: (data, limit) => {
        inflated.push(limit);
        return nodeCodec.inflateRaw(data, limit);
      },
      crc32: nodeCodec.crc32,
    };
    const bomb = (size: number, declared: number) => ({
      name: "xl/b.xml",
      stored: deflatedRun(size),
      method: 8 as const,
      crc: 0,
      size: declared,
    });
    const big = new ZipArchive(zipBytes([bomb(512 * mib, 512 * mib)]), spy);
    expect((await problemOf(() => big.read("xl/b.xml"))).detail.en).toContain("over the limit of 384 MB");
    const ratio = new ZipArchive(zipBytes([bomb(64 * mib, 64 * mib)]), spy);
    expect((await problemOf(() => ratio.read("xl/b.xml"))).detail.en).toMatch(/compressed \d+ times/);
    expect(inflated).toEqual([]);
    const lying = new ZipArchive(zipBytes([bomb(64 * mib, 1000)]), spy);
    expect((await problemOf(() => lying.read("xl/b.xml"))).detail.en).toContain("declared size");
    expect(inflated).toEqual([1000]);
    const short = new ZipArchive(zipBytes([{ ...entry("xl/c.xml", "abc"), size: 4 }]), nodeCodec);
    expect((await problemOf(() => short.read("xl/c.xml"))).detail.en).toContain("declared size");
  });

  it("gives back the memory of a large inflated part on release, never the file's own bytes", async () => {
    let seed = 7;
    const large = Buffer.alloc(2 * 1024 * 1024).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const bytes = zipBytes([
      entry("xl/big.xml", large),
      entry("xl/stored.xml", large, 0),
      entry("xl/small.xml", "x"),
    ]);
    for (const codec of [nodeCodec, browserCodec]) {
      const zip = new ZipArchive(bytes, codec);
      const big = (await zip.read("xl/big.xml"))!;
      expect(Buffer.from(big).equals(large)).toBe(true);
      zip.release(big);
      expect(big.length).toBe(0);
      const stored = (await zip.read("xl/stored.xml"))!;
      const small = (await zip.read("xl/small.xml"))!;
      zip.release(stored);
      zip.release(small);
      zip.release(null);
      expect(Buffer.from(stored).equals(large)).toBe(true);
      expect(new TextDecoder().decode(small)).toBe("x");
      // The file's bytes are whole: the part reads again.
      expect(Buffer.from((await zip.read("xl/big.xml"))!).equals(large)).toBe(true);
    }
  });

  describe("reading ahead", () => {
    const mib = 1024 * 1024;
    /** A codec that records what it is asked to inflate and pretends (no 300 MB is allocated). */
    const pretend = (started: number[]): ZipCodec => ({
      inflateRaw: (data, limit) => {
        started.push(data.length);
        return Promise.resolve({ length: limit } as Uint8Array);
      },
      crc32: () => 0,
    });
    // Entries declaring 300 MiB, their stored bytes long enough for the ratio limit; told apart by
    // their stored length.
    const big = (name: string, stored: number) => ({
      name,
      stored: new Uint8Array(stored),
      method: 8 as const,
      crc: 0,
      size: 300 * mib,
    });

    it("gives what reading one part after another gives, failures at their own read", async () => {
      const bytes = zipBytes([
        entry("xl/a.xml", "một"),
        { ...entry("xl/b.xml", "hai"), flags: 1 },
        entry("xl/c.xml", "ba", 0),
        { ...entry("xl/d.xml", "bốn"), crc: 1 },
      ]);
      const zip = new ZipArchive(bytes, nodeCodec);
      zip.readAhead(["xl/a.xml", "xl/b.xml", "xl/none.xml", "xl/c.xml", "xl/d.xml", "xl/a.xml"]);
      expect(new TextDecoder().decode((await zip.read("xl/a.xml"))!)).toBe("một");
      expect((await problemOf(() => zip.read("xl/b.xml"))).detail.en).toContain("encrypted");
      expect(await zip.read("xl/none.xml")).toBeNull();
      expect(new TextDecoder().decode((await zip.read("XL/C.xml"))!)).toBe("ba");
      expect((await problemOf(() => zip.read("xl/d.xml"))).detail.en).toContain("CRC");
      expect(new TextDecoder().decode((await zip.read("xl/a.xml"))!)).toBe("một");
      // Taken once: a further read inflates again.
      expect(new TextDecoder().decode((await zip.read("xl/a.xml"))!)).toBe("một");
    });

    it("counts the total in the order of the reads, and holds at most 256 MB waiting", async () => {
      const started: number[] = [];
      const parts = [big("xl/a.xml", 2 * mib), big("xl/b.xml", 2 * mib + 1), big("xl/c.xml", 2 * mib + 2)];
      const zip = new ZipArchive(zipBytes(parts), pretend(started));
      zip.readAhead(["xl/a.xml", "xl/b.xml", "xl/c.xml"]);
      expect(started).toEqual([2 * mib]);
      expect((await zip.read("xl/a.xml"))!.length).toBe(300 * mib);
      expect(started).toEqual([2 * mib, 2 * mib + 1]);
      expect((await zip.read("xl/b.xml"))!.length).toBe(300 * mib);
      // 900 MiB in all: the third passes the total of 768 MiB, as it would read after the two others.
      expect((await problemOf(() => zip.read("xl/c.xml"))).detail.en).toContain("more than 768 MB");
      expect(started).toEqual([2 * mib, 2 * mib + 1]);
      const oneByOne = new ZipArchive(zipBytes(parts), pretend([]));
      await oneByOne.read("xl/a.xml");
      await oneByOne.read("xl/b.xml");
      expect((await problemOf(() => oneByOne.read("xl/c.xml"))).detail.en).toContain("more than 768 MB");
    });

    it("begins at most 16 reads ahead at a time, however small the parts", async () => {
      // 60,000 sheets naming one small part had 60,000 zlib streams inflating at once (1 GB).
      const started: number[] = [];
      const names = Array.from({ length: 100 }, (_, i) => `xl/s${i}.xml`);
      const small = names.map((name, i) => ({
        name,
        stored: new Uint8Array(i + 1),
        method: 8 as const,
        crc: 0,
        size: 10,
      }));
      const zip = new ZipArchive(zipBytes(small), pretend(started));
      zip.readAhead(names);
      expect(started).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      await zip.read(names[0]);
      expect(started.length).toBe(17);
      for (const name of names.slice(1)) expect((await zip.read(name))!.length).toBe(10);
      expect(started).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    });

    it("takes each read ahead without going over the others again (a workbook may list 60,000 sheets)", async () => {
      // Many sheets may name one part (or many small ones): reading them must stay linear. Counted,
      // not timed: the steps of every array iteration made while the reads are taken.
      const n = 3000;
      const names = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? "xl/a.xml" : `xl/s${i}.xml`));
      const bytes = zipBytes([
        entry("xl/a.xml", "mot"),
        ...names.filter((x) => x !== "xl/a.xml").map((x) => entry(x, x)),
      ]);
      const zip = new ZipArchive(bytes, nodeCodec);
      const iteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]()) as { next(): unknown };
      const steps = jest.spyOn(iteratorPrototype, "next");
      const read: (Uint8Array | null)[] = [];
      let count: number;
      try {
        zip.readAhead(names);
        for (const name of names) read.push(await zip.read(name));
        count = steps.mock.calls.length;
      } finally {
        steps.mockRestore();
      }
      expect(read.map((b) => new TextDecoder().decode(b!))).toEqual(
        names.map((name) => (name === "xl/a.xml" ? "mot" : name)),
      );
      // Going over the reads waiting at each read made n²/2 steps (4.5 million here).
      expect(count).toBeLessThan(10 * n);
    });
  });

  describe("reading in pieces", () => {
    const text = "Bản Pò, Nà Hẩu, Yên Lỗ. ".repeat(400);
    const decode = (parts: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(parts));

    it("hands a part over in pieces, read ahead or not, and gives the same bytes to read and readInPieces", async () => {
      const bytes = zipBytes([entry("xl/a.xml", text), entry("xl/b.xml", text), entry("xl/c.xml", "ba", 0)]);
      const zip = new ZipArchive(bytes, piecesCodec(100));
      zip.readAhead(["xl/a.xml", "xl/b.xml", "xl/c.xml"], new Set(["xl/a.xml", "xl/b.xml", "xl/c.xml"]));
      const pieces: Uint8Array[] = [];
      // Copies: a piece is valid only during its call.
      const read = await zip.readInPieces("xl/a.xml", (piece) => pieces.push(new Uint8Array(piece)));
      expect(read).toEqual({ pieces: Buffer.byteLength(text) });
      expect(pieces.length).toBe(Math.ceil(Buffer.byteLength(text) / 100));
      expect(decode(pieces)).toBe(text);
      // Announced in pieces but read whole: the pieces joined.
      expect(new TextDecoder().decode((await zip.read("xl/b.xml"))!)).toBe(text);
      // A stored part is given whole.
      const stored = await zip.readInPieces("xl/c.xml", () => {
        throw new Error("no pieces for a stored part");
      });
      expect(new TextDecoder().decode((stored as { bytes: Uint8Array }).bytes)).toBe("ba");
      const again: Uint8Array[] = [];
      expect(await zip.readInPieces("xl/a.xml", (piece) => again.push(new Uint8Array(piece)))).toEqual({
        pieces: Buffer.byteLength(text),
      });
      expect(decode(again)).toBe(text);
      expect(await zip.readInPieces("xl/none.xml", () => undefined)).toBeNull();
      expect(new TextDecoder().decode((await zip.readAgain("xl/a.xml"))!)).toBe(text);
    });

    it("a codec without pieces (fflate, the pane's) gives every part whole", async () => {
      const zip = new ZipArchive(zipBytes([entry("xl/a.xml", text)]), browserCodec);
      zip.readAhead(["xl/a.xml"], new Set(["xl/a.xml"]));
      const read = await zip.readInPieces("xl/a.xml", () => {
        throw new Error("no pieces");
      });
      expect(new TextDecoder().decode((read as { bytes: Uint8Array }).bytes)).toBe(text);
    });

    it("refuses in pieces what it refuses whole, with the same message, after the pieces before", async () => {
      const honest = entry("xl/a.xml", text);
      const cases = [
        { ...honest, crc: (honest.crc ^ 1) >>> 0 },
        { ...honest, size: honest.size - 1 },
        { ...honest, size: honest.size + 1 },
        { ...honest, stored: honest.stored.subarray(0, honest.stored.length - 5) },
        { ...honest, flags: 1 },
      ];
      for (const e of cases) {
        const whole = await problemOf(() => new ZipArchive(zipBytes([e]), nodeCodec).read("xl/a.xml"));
        const zip = new ZipArchive(zipBytes([e]), piecesCodec(64));
        zip.readAhead(["xl/a.xml"], new Set(["xl/a.xml"]));
        const inPieces = await problemOf(() => zip.readInPieces("xl/a.xml", () => undefined));
        expect(inPieces.detail).toEqual(whole.detail);
        const notAhead = new ZipArchive(zipBytes([e]), piecesCodec(64));
        expect((await problemOf(() => notAhead.readInPieces("xl/a.xml", () => undefined))).detail).toEqual(
          whole.detail,
        );
      }
    });

    it("counts a part read in pieces against the total as a whole read does", async () => {
      const mib = 1024 * 1024;
      const big = (name: string) => ({
        name,
        stored: new Uint8Array(2 * mib),
        method: 8 as const,
        crc: 0,
        size: 300 * mib,
      });
      const given: number[] = [];
      const pretend: ZipCodec = {
        inflateRaw: (_, limit) => Promise.resolve({ length: limit } as Uint8Array),
        crc32: () => 0,
        inflateRawPieces: (_, limit) => {
          let done = false;
          return {
            next: () => {
              const piece = done ? null : ({ length: limit, byteLength: limit, byteOffset: 1 } as Uint8Array);
              done = true;
              return Promise.resolve(piece);
            },
            cancel: () => undefined,
          };
        },
      };
      const zip = new ZipArchive(zipBytes([big("xl/a.xml"), big("xl/b.xml"), big("xl/c.xml")]), pretend);
      expect(await zip.readInPieces("xl/a.xml", (p) => given.push(p.length))).toEqual({ pieces: 300 * mib });
      expect(await zip.readInPieces("xl/b.xml", (p) => given.push(p.length))).toEqual({ pieces: 300 * mib });
      expect((await problemOf(() => zip.readInPieces("xl/c.xml", () => undefined))).detail.en).toContain(
        "more than 768 MB",
      );
      expect(given).toEqual([300 * mib, 300 * mib]);
    });
  });
});
