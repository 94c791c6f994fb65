import { LIMITS } from "../limits";

/**
 * A streaming scan of XML bytes for the parts of an .xlsx file: one token at a time (an element
 * opened, closed, or a run of text), no tree, no allocation per token unless a name, an attribute or
 * a text is asked for. Element and attribute names are compared by their local part, so `x:c` is
 * `c`. What Excel never writes is refused instead of handled: a DOCTYPE or entity declaration (so no
 * entity is ever expanded: no "billion laughs"), references to entities other than the five XML
 * ones and character references, and nesting deeper than `LIMITS.xmlDepth`. `mc:Choice` branches of
 * `mc:AlternateContent` are skipped (their `mc:Fallback` is what a reader that does not know the
 * extension takes). No Node API.
 */

export const EOF = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type Token = typeof EOF | typeof OPEN | typeof CLOSE | typeof TEXT;

/**
 * XML the scanner refuses: `unsafe` (DOCTYPE, entities, depth), `malformed` (cut or broken) or
 * `encoding` (a declared character encoding this system cannot decode; the message is its name).
 */
export class XmlProblem extends Error {
  override readonly name = "XmlProblem";
  constructor(
    readonly kind: "unsafe" | "malformed" | "encoding",
    message: string,
  ) {
    super(message);
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const AMP = 0x26;
const QUOT = 0x22;
const APOS = 0x27;
const DASH = 0x2d;
const CLOSE_BRACKET = 0x5d;

/** The attribute Excel writes on a text run that keeps its spaces, as it writes it. */
const PRESERVE = ` xml:space="preserve">`;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Keeps a U+FEFF that begins a text ("ignoreBOM"): only the document's own mark is skipped, below. */
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * The character encoding of an XML part, as an XML parser finds it (XML 1.0, appendix F): a UTF-16
 * byte order mark, or UTF-16 without one (`<?` as two-byte units), else the encoding its
 * declaration names, else UTF-8. Excel writes UTF-8; other programs write UTF-16 or a legacy code
 * page (`encoding="windows-1252"`), which Excel and LibreOffice read as declared, and so does this.
 */
export function xmlEncoding(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return "utf-16le";
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return "utf-16be";
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  if (b[start] !== LT || b[start + 1] !== QUESTION) return "utf-8";
  let declaration = "";
  for (let i = start; i < b.length && i < start + 256 && b[i] !== GT; i++)
    declaration += String.fromCharCode(b[i]);
  const m = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration);
  const label = m ? m[1].toLowerCase() : "utf-8";
  // Bytes that read as ASCII under a UTF-16 label (no mark, no zero bytes): the label is wrong.
  return label === "utf8" || label.startsWith("utf-16") || label === "unicode" ? "utf-8" : label;
}

/** The text of bytes in a legacy or UTF-16 encoding, re-encoded as UTF-8 for the scan. */
function asUtf8(b: Uint8Array, encoding: string): Uint8Array {
  let text: string;
  try {
    // Only the constructor throws (RangeError, an unknown label); decoding replaces bad bytes.
    text = new TextDecoder(encoding).decode(b);
  } catch {
    throw new XmlProblem("encoding", encoding);
  }
  return new TextEncoder().encode(text);
}

export class XmlScanner {
  /** The current token. */
  kind: Token = EOF;
  /** Nesting depth after the current token. */
  depth = 0;
  /** OPEN: the element closes itself (`<x/>`); a CLOSE token for it follows. */
  selfClosing = false;
  /** OPEN and CLOSE: the local name's byte range. */
  nameStart = 0;
  nameEnd = 0;
  /** TEXT: the byte range and whether it is a CDATA section (no entities in it). */
  textStart = 0;
  textEnd = 0;
  cdata = false;

  private pos = 0;
  private pendingClose = false;
  private attrStart = 0;
  private attrEnd = 0;
  private attrsParsed = false;
  private attrCount = 0;
  /** Pairs of [start, end) per attribute: local name, then value. */
  private attrNames = new Int32Array(32);
  private attrValues = new Int32Array(32);

  readonly bytes: Uint8Array;

  /**
   * The bytes are one piece of a document, not all of it (see `continuing`): the end of the bytes
   * inside an element is then no error but an EOF, and the caller goes on in the next piece.
   */
  partial = false;
  /** How many times `next` has returned EOF (a reader of pieces checks it was only once). */
  ends = 0;

  /**
   * A scan of a whole document (or of the first piece of one). `continuing` a scan of the bytes
   * that follow, from the depth where the previous piece ended.
   */
  constructor(bytes: Uint8Array, continuing?: { readonly depth: number }) {
    if (continuing) {
      // Bytes from the middle of a document: UTF-8 (the first piece was), no byte order mark.
      this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.depth = continuing.depth;
      return;
    }
    // XML may be UTF-16 or declare a legacy code page (legal, though Excel writes UTF-8): scanned
    // as the same text in UTF-8, since the scan works on UTF-8 bytes.
    const encoding = xmlEncoding(bytes);
    if (encoding !== "utf-8") bytes = asUtf8(bytes, encoding);
    // A plain view: a Node Buffer's indexOf goes through a slower JavaScript wrapper.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A UTF-8 byte order mark is not part of the document.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  /** Advances to the next token and returns its kind. */
  next(): Token {
    const b = this.bytes;
    const end = b.length;
    for (;;) {
      if (this.pendingClose) {
        this.pendingClose = false;
        this.selfClosing = false;
        this.depth--;
        return (this.kind = CLOSE);
      }
      const p = this.pos;
      if (p >= end) {
        if (this.depth !== 0 && !this.partial)
          throw new XmlProblem("malformed", "the XML ends inside an element");
        this.ends++;
        return (this.kind = EOF);
      }
      if (b[p] !== LT) {
        let q = p + 1;
        while (q < end && b[q] !== LT) q++;
        this.textStart = p;
        this.textEnd = q;
        this.cdata = false;
        this.pos = q;
        return (this.kind = TEXT);
      }
      const c = b[p + 1];
      if (c === SLASH) {
        let q = p + 2;
        while (q < end && b[q] !== GT) q++;
        if (q >= end) throw new XmlProblem("malformed", "an end tag is cut short");
        this.setName(p + 2, q);
        this.pos = q + 1;
        if (--this.depth < 0) throw new XmlProblem("malformed", "an end tag without a start tag");
        return (this.kind = CLOSE);
      }
      if (c === QUESTION) {
        let q = b.indexOf(GT, p + 2);
        while (q >= 0 && b[q - 1] !== QUESTION) q = b.indexOf(GT, q + 1);
        if (q < 0) throw new XmlProblem("malformed", "a processing instruction is cut short");
        this.pos = q + 1;
        continue;
      }
      if (c === BANG) {
        if (b[p + 2] === DASH && b[p + 3] === DASH) {
          let q = b.indexOf(GT, p + 4);
          while (q >= 0 && !(b[q - 1] === DASH && b[q - 2] === DASH && q - 2 >= p + 4))
            q = b.indexOf(GT, q + 1);
          if (q < 0) throw new XmlProblem("malformed", "a comment is cut short");
          this.pos = q + 1;
          continue;
        }
        if (this.startsWith(p + 2, "[CDATA[")) {
          let q = b.indexOf(GT, p + 9);
          while (q >= 0 && !(b[q - 1] === CLOSE_BRACKET && b[q - 2] === CLOSE_BRACKET && q - 2 >= p + 9))
            q = b.indexOf(GT, q + 1);
          if (q < 0) throw new XmlProblem("malformed", "a CDATA section is cut short");
          this.textStart = p + 9;
          this.textEnd = q - 2;
          this.cdata = true;
          this.pos = q + 1;
          return (this.kind = TEXT);
        }
        // <!DOCTYPE, <!ENTITY, <!ELEMENT …: Excel never writes them, and they are how entity
        // expansion attacks begin.
        throw new XmlProblem("unsafe", "a DOCTYPE or other declaration");
      }
      // A start tag: its name, then attributes up to the '>' that is outside quotes.
      let n = p + 1;
      while (n < end) {
        const x = b[n];
        if (x === GT || x === SLASH || isSpace(x)) break;
        n++;
      }
      let q = n;
      while (q < end) {
        const x = b[q];
        if (x === GT) break;
        if (x === QUOT || x === APOS) {
          q++;
          while (q < end && b[q] !== x) q++;
          if (q >= end) break;
        }
        q++;
      }
      if (q >= end) throw new XmlProblem("malformed", "a start tag is cut short");
      this.setName(p + 1, n);
      this.selfClosing = b[q - 1] === SLASH;
      this.attrStart = n;
      this.attrEnd = this.selfClosing ? q - 1 : q;
      this.attrsParsed = false;
      this.pos = q + 1;
      if (++this.depth > LIMITS.xmlDepth)
        throw new XmlProblem("unsafe", `elements nested more than ${LIMITS.xmlDepth} deep`);
      if (b[this.nameStart - 1] === COLON && this.is("Choice")) {
        this.skipElement();
        continue;
      }
      this.pendingClose = this.selfClosing;
      return (this.kind = OPEN);
    }
  }

  /** After an OPEN: advances past the matching CLOSE (the element's content is not looked at). */
  skipElement(): void {
    if (this.selfClosing) {
      this.pendingClose = false;
      this.selfClosing = false;
      this.depth--;
      this.kind = CLOSE;
      return;
    }
    const level = this.depth - 1;
    while (this.depth > level) if (this.next() === EOF) return;
  }

  /**
   * The fast path for a cell's usual content: after the OPEN of an element (not self-closing) whose
   * content is exactly `<v>text</v>` then its end tag, sets `textStart`/`textEnd` to the text, moves
   * past the end tag (the scanner then stands on that CLOSE, as after `skipElement`) and returns
   * true. Anything else (another child, a prefix, spaces, an empty `<v>`, a comment, text over
   * `maxText` bytes, the depth limit reached) returns false and changes nothing, for the token by
   * token reading, which would see the same text and end at the same place.
   */
  simpleValue(maxText: number): boolean {
    const b = this.bytes;
    const end = b.length;
    const p = this.pos;
    if (this.depth >= LIMITS.xmlDepth || p + 3 >= end) return false;
    if (b[p] !== LT || b[p + 1] !== 0x76 || b[p + 2] !== GT) return false;
    return this.closeAfterText(p + 3, 0x76, maxText);
  }

  /**
   * The fast path for a whole cell as Excel writes it, `<c r="B7" s="3" t="s"><v>12</v></c>` or
   * `<c r="B7" s="3"/>`: one pass over its bytes instead of the tokens `next`, the attribute scan
   * and `simpleValue` would take one after the other. When the bytes at the scanner's position are
   * such a cell (the name `c` without a prefix, attributes written `name="value"` or `name='value'`
   * separated by spaces, then `/>`, or `>` and exactly `<v>text</v>` and an end tag, the text at
   * most `maxText` bytes), fills `out` with the raw value ranges [rStart, rEnd, sStart, sEnd,
   * tStart, tEnd, vStart, vEnd] (-1 when absent; no `<v>` when it closes itself), moves past the
   * cell (the scanner then stands on its CLOSE, its attributes readable by `attrValue`) and
   * returns true. Anything else returns false and leaves the scanner as it was: the token-by-token
   * reading, which reads the same cell the same way (or refuses it), takes over.
   */
  cell(out: Int32Array, maxText: number): boolean {
    if (this.pendingClose || this.depth + 1 >= LIMITS.xmlDepth) return false;
    const b = this.bytes;
    const end = b.length;
    const p = this.pos;
    if (b[p] !== LT || b[p + 1] !== 0x63) return false;
    let q = p + 2;
    out[0] = out[1] = out[2] = out[3] = out[4] = out[5] = out[6] = out[7] = -1;
    // Attributes: at least one space, a name, '=', a quoted value; until '>' or '/>'.
    for (;;) {
      if (q >= end) return false;
      let c = b[q];
      if (c === GT || c === SLASH) break;
      if (!isSpace(c)) return false;
      while (q < end && isSpace(b[q])) q++;
      if (q >= end) return false;
      c = b[q];
      if (c === GT || c === SLASH) break;
      const nameStart = q;
      while (q < end) {
        c = b[q];
        if (
          c === EQUALS ||
          isSpace(c) ||
          c === GT ||
          c === SLASH ||
          c === LT ||
          c === QUOT ||
          c === APOS ||
          c === COLON
        )
          break;
        q++;
      }
      if (c !== EQUALS || q === nameStart) return false;
      const quote = b[q + 1];
      if (quote !== QUOT && quote !== APOS) return false;
      const valueStart = q + 2;
      let close = valueStart;
      while (close < end && b[close] !== quote) close++;
      if (close >= end) return false;
      if (q - nameStart === 1) {
        const n = b[nameStart];
        const slot = n === 0x72 ? 0 : n === 0x73 ? 2 : n === 0x74 ? 4 : -1;
        if (slot >= 0) {
          out[slot] = valueStart;
          out[slot + 1] = close;
        }
      }
      q = close + 1;
    }
    const attrEnd = q;
    if (b[q] === SLASH) {
      if (b[q + 1] !== GT) return false;
      this.pos = q + 2;
      this.nameStart = p + 1;
      this.nameEnd = p + 2;
    } else {
      // <v>text</v> then an end tag, exactly as `simpleValue` takes it.
      const v = q + 1;
      if (v + 3 >= end || b[v] !== LT || b[v + 1] !== 0x76 || b[v + 2] !== GT) return false;
      const textStart = v + 3;
      let t = textStart;
      while (t < end && b[t] !== LT) t++;
      if (t === textStart || t - textStart > maxText || t + 6 >= end) return false;
      if (b[t + 1] !== SLASH || b[t + 2] !== 0x76 || b[t + 3] !== GT || b[t + 4] !== LT || b[t + 5] !== SLASH)
        return false;
      let g = t + 6;
      while (g < end && b[g] !== GT) g++;
      if (g >= end) return false;
      out[6] = textStart;
      out[7] = t;
      this.textStart = textStart;
      this.textEnd = t;
      this.cdata = false;
      this.setName(t + 6, g);
      this.pos = g + 1;
    }
    this.attrStart = p + 2;
    this.attrEnd = attrEnd;
    this.attrsParsed = false;
    this.selfClosing = false;
    this.kind = CLOSE;
    return true;
  }

  /**
   * The fast path for a shared string's usual content: after the OPEN of an element (not
   * self-closing) whose content is exactly `<t>text</t>` or `<t xml:space="preserve">text</t>`
   * then its end tag, sets `textStart`/`textEnd` to the text, moves past the end tag (the scanner
   * then stands on that CLOSE, as after `skipElement`) and returns true. Anything else (runs,
   * phonetic text, a prefix, other attributes, an empty text, a comment, text over `maxText`
   * bytes, the depth limit reached) returns false and changes nothing, for the token by token
   * reading, which would see the same text and end at the same place.
   */
  simpleText(maxText: number): boolean {
    const b = this.bytes;
    const end = b.length;
    const p = this.pos;
    if (this.depth >= LIMITS.xmlDepth || p + 3 >= end) return false;
    if (b[p] !== LT || b[p + 1] !== 0x74) return false;
    let textStart: number;
    if (b[p + 2] === GT) textStart = p + 3;
    else if (this.startsWith(p + 2, PRESERVE)) textStart = p + 2 + PRESERVE.length;
    else return false;
    return this.closeAfterText(textStart, 0x74, maxText);
  }

  /**
   * The end shared by `simpleValue` and `simpleText`: from `textStart`, plain text (no markup, at
   * least one byte, at most `maxText`), the end tag of the one-letter element `letter`, then the
   * end tag of its parent. When the bytes are so, sets the text's range, moves past the parent's
   * end tag (the scanner then stands on that CLOSE) and returns true; otherwise returns false and
   * changes nothing.
   */
  private closeAfterText(textStart: number, letter: number, maxText: number): boolean {
    const b = this.bytes;
    const end = b.length;
    let q = textStart;
    while (q < end && b[q] !== LT) q++;
    if (q === textStart || q - textStart > maxText || q + 6 >= end) return false;
    if (b[q + 1] !== SLASH || b[q + 2] !== letter || b[q + 3] !== GT || b[q + 4] !== LT || b[q + 5] !== SLASH)
      return false;
    let g = q + 6;
    while (g < end && b[g] !== GT) g++;
    if (g >= end) return false;
    this.textStart = textStart;
    this.textEnd = q;
    this.cdata = false;
    this.setName(q + 6, g);
    this.pos = g + 1;
    this.depth--;
    this.selfClosing = false;
    this.kind = CLOSE;
    return true;
  }

  /** True when the current element's local name is `name` (ASCII). */
  is(name: string): boolean {
    const length = this.nameEnd - this.nameStart;
    if (length !== name.length) return false;
    const b = this.bytes;
    for (let i = 0; i < length; i++) if (b[this.nameStart + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** The current element's local name (allocates: for rare use). */
  localName(): string {
    return utf8.decode(this.bytes.subarray(this.nameStart, this.nameEnd));
  }

  /** Index of the attribute with local name `name` on the current element, or -1. */
  attr(name: string): number {
    if (!this.attrsParsed) this.parseAttributes();
    const b = this.bytes;
    const names = this.attrNames;
    outer: for (let i = 0; i < this.attrCount; i++) {
      const s = names[2 * i];
      if (names[2 * i + 1] - s !== name.length) continue;
      for (let k = 0; k < name.length; k++) if (b[s + k] !== name.charCodeAt(k)) continue outer;
      return i;
    }
    return -1;
  }

  /** The value of the attribute with local name `name`, entities decoded; null when absent. */
  attrValue(name: string): string | null {
    const i = this.attr(name);
    if (i < 0) return null;
    const s = decodeText(this.bytes, this.attrValues[2 * i], this.attrValues[2 * i + 1], false);
    // Attribute-value normalisation: line breaks and tabs read as spaces.
    return /[\t\n\r]/.test(s) ? s.replace(/\r\n/g, " ").replace(/[\t\n\r]/g, " ") : s;
  }

  /**
   * The fast path for the one element there are millions of (`<c r="B7" s="3" t="s">`): finds the
   * attributes whose local name is the single letter `r`, `s` or `t` in one pass and returns their
   * raw value ranges in `out` as [rStart, rEnd, sStart, sEnd, tStart, tEnd] (-1 when absent).
   */
  singleLetterAttributes(out: Int32Array): void {
    // Six stores: cheaper than a call to fill() on millions of cells.
    out[0] = out[1] = out[2] = out[3] = out[4] = out[5] = -1;
    const b = this.bytes;
    const end = this.attrEnd;
    let p = this.attrStart;
    for (;;) {
      while (p < end && isSpace(b[p])) p++;
      if (p >= end) return;
      const nameStart = p;
      let local = p;
      while (p < end && b[p] !== EQUALS && !isSpace(b[p])) {
        if (b[p] === COLON) local = p + 1;
        p++;
      }
      const nameEnd = p;
      while (p < end && b[p] !== QUOT && b[p] !== APOS) p++;
      const quote = b[p];
      let close = p + 1;
      while (close < end && b[close] !== quote) close++;
      if (close >= end) throw new XmlProblem("malformed", "an attribute value is cut short");
      if (nameEnd - local === 1 && local === nameStart) {
        const slot = b[local] === 0x72 ? 0 : b[local] === 0x73 ? 2 : b[local] === 0x74 ? 4 : -1;
        if (slot >= 0) {
          out[slot] = p + 1;
          out[slot + 1] = close;
        }
      }
      p = close + 1;
    }
  }

  /** Where attribute `i`'s raw value begins in the bytes. */
  valueStart(i: number): number {
    return this.attrValues[2 * i];
  }

  /** Where attribute `i`'s raw value ends in the bytes (exclusive). */
  valueEnd(i: number): number {
    return this.attrValues[2 * i + 1];
  }

  /** The current TEXT token, decoded. */
  text(): string {
    return decodeText(this.bytes, this.textStart, this.textEnd, this.cdata);
  }

  private setName(start: number, end: number): void {
    const b = this.bytes;
    let e = end;
    while (e > start && isSpace(b[e - 1])) e--;
    let s = start;
    for (let i = start; i < e; i++) if (b[i] === COLON) s = i + 1;
    this.nameStart = s;
    this.nameEnd = e;
  }

  private startsWith(at: number, ascii: string): boolean {
    for (let i = 0; i < ascii.length; i++) if (this.bytes[at + i] !== ascii.charCodeAt(i)) return false;
    return true;
  }

  private parseAttributes(): void {
    const b = this.bytes;
    const end = this.attrEnd;
    let p = this.attrStart;
    let count = 0;
    for (;;) {
      while (p < end && isSpace(b[p])) p++;
      if (p >= end) break;
      const nameStart = p;
      let local = p;
      while (p < end && b[p] !== EQUALS && !isSpace(b[p])) {
        if (b[p] === COLON) local = p + 1;
        p++;
      }
      const nameEnd = p;
      while (p < end && isSpace(b[p])) p++;
      if (b[p] !== EQUALS) throw new XmlProblem("malformed", "an attribute without a value");
      p++;
      while (p < end && isSpace(b[p])) p++;
      const quote = b[p];
      if (quote !== QUOT && quote !== APOS)
        throw new XmlProblem("malformed", "an attribute value without quotes");
      let close = p + 1;
      while (close < end && b[close] !== quote) close++;
      if (close >= end) throw new XmlProblem("malformed", "an attribute value is cut short");
      const isNamespace =
        nameEnd - nameStart >= 5 &&
        b[nameStart] === 0x78 &&
        b[nameStart + 1] === 0x6d &&
        b[nameStart + 2] === 0x6c &&
        b[nameStart + 3] === 0x6e &&
        b[nameStart + 4] === 0x73;
      if (!isNamespace) {
        if (2 * count + 2 > this.attrNames.length) {
          const names = new Int32Array(this.attrNames.length * 2);
          names.set(this.attrNames);
          this.attrNames = names;
          const values = new Int32Array(this.attrValues.length * 2);
          values.set(this.attrValues);
          this.attrValues = values;
        }
        this.attrNames[2 * count] = local;
        this.attrNames[2 * count + 1] = nameEnd;
        this.attrValues[2 * count] = p + 1;
        this.attrValues[2 * count + 1] = close;
        count++;
      }
      p = close + 1;
    }
    this.attrCount = count;
    this.attrsParsed = true;
  }
}

/**
 * Bytes [start, end) as text: UTF-8, entity and character references decoded (none in CDATA),
 * line ends normalised to "\n" as XML requires. Short ASCII runs (numbers, indexes, most cells)
 * are built without a call into the decoder.
 */
export function decodeText(b: Uint8Array, start: number, end: number, cdata: boolean): string {
  let ascii = true;
  let special = false;
  for (let i = start; i < end; i++) {
    const x = b[i];
    if (x >= 0x80) ascii = false;
    else if (x === AMP || x === 0x0d) special = true;
  }
  let s: string;
  if (ascii && end - start <= 64) {
    s = "";
    for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  } else {
    s = utf8.decode(b.subarray(start, end));
  }
  if (!special) return s;
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  return cdata || !s.includes("&") ? s : decodeReferences(s);
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeReferences(s: string): string {
  return s.replace(/&([^;&]{0,12})(;?)/g, (_, body: string, semicolon: string) => {
    if (!semicolon) throw new XmlProblem("malformed", "an '&' that is not a reference");
    // Own keys only: "&constructor;" is an undeclared entity, not Object's constructor as text.
    if (Object.prototype.hasOwnProperty.call(NAMED, body)) return NAMED[body];
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (!m) throw new XmlProblem("unsafe", `a reference to an undeclared entity "&${body};"`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
    // XML's Char: no NUL, no lone surrogate halves, nothing past U+10FFFF.
    if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff))
      throw new XmlProblem("malformed", "a character reference out of range");
    return String.fromCodePoint(code);
  });
}
