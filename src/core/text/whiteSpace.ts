/**
 * White space as JavaScript sees it: the code units `String.prototype.trim` removes and `\s`
 * matches (tab to carriage return, space, no-break space, the Ogham space, U+2000–U+200A, the line
 * and paragraph separators, the narrow no-break, medium mathematical and ideographic spaces, and
 * the byte-order mark). Not the zero-width space U+200B, which `trim` keeps. For scans of char
 * codes that must agree with `trim`, `split(/\s+/)` or `\s`.
 */
export function isWhiteSpaceCode(c: number): boolean {
  return c < 0x80
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}
