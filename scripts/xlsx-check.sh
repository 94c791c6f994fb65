#!/usr/bin/env bash
# scripts/xlsx-check.sh BOOK.xlsx OUTDIR
#
# The project's own rendering and recalculation check. LibreOffice Calc opens BOOK.xlsx headless
# with a throw-away user profile that tells it to recalculate every formula on load (by default it
# would keep the values cached in the file, which are the core's results: checking those would
# prove nothing). It writes:
#   OUTDIR/BOOK.pdf              every sheet as printed (page setup, breaks, fonts as LibreOffice lays them out)
#   OUTDIR/BOOK-<n>.png          one picture per printed page (pdftoppm, 90 dpi)
#   OUTDIR/csv/BOOK-<Sheet>.csv  one CSV per sheet, UTF-8, the values as displayed after recalculation
# Needs the Debian packages libreoffice-calc and poppler-utils (scripts/install-system-packages.sh).
# Exit status: 0 when the PDF, the pages and the CSVs were all written; 2 for a usage problem or a
# missing program; 1 when LibreOffice produced nothing.
set -euo pipefail

die() { echo "xlsx-check: $2" >&2; exit "$1"; }

[ $# -eq 2 ] || die 2 "usage: scripts/xlsx-check.sh BOOK.xlsx OUTDIR"
book=$1
outdir=$2
[ -f "$book" ] || die 2 "no such file: $book"
for program in libreoffice pdftoppm; do
  command -v "$program" >/dev/null || die 2 "$program is missing: run scripts/install-system-packages.sh (as root)"
done

stem=$(basename "$book")
stem=${stem%.*}
mkdir -p "$outdir/csv"

# A private profile: no first-run dialogs, no interference with (or from) a user's own LibreOffice,
# and two parallel runs never share a profile lock.
profile=$(mktemp -d "${TMPDIR:-/tmp}/xlsx-check-profile.XXXXXX")
cleanup() { rm -rf "$profile"; }
trap cleanup EXIT
mkdir -p "$profile/user"
# Formula/Load recalculation modes: 0 = always recalculate, 1 = never, 2 = ask. Always, for OOXML and ODF.
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
  <item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
  <item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
XCU

calc() {
  libreoffice -env:UserInstallation="file://$profile" --headless --norestore --nolockcheck "$@" >"$profile/lo.log" 2>&1 ||
    { cat "$profile/lo.log" >&2; die 1 "LibreOffice failed on $book"; }
}

calc --convert-to pdf --outdir "$outdir" "$book"
[ -s "$outdir/$stem.pdf" ] || die 1 "LibreOffice wrote no PDF for $book"
pdftoppm -r 90 -png "$outdir/$stem.pdf" "$outdir/$stem"

# CSV filter options: separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8), start row 1,
# no column formats, language default, quoted text as text, detect special numbers, save cell
# contents as shown, export formulas no, remove spaces no, sheet -1 = every sheet into its own file.
calc --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$outdir/csv" "$book"
compgen -G "$outdir/csv/$stem-*.csv" >/dev/null || die 1 "LibreOffice wrote no CSV for $book"

pages=$(find "$outdir" -maxdepth 1 -name "$stem-*.png" | wc -l)
sheets=$(find "$outdir/csv" -maxdepth 1 -name "$stem-*.csv" | wc -l)
echo "xlsx-check: $book: $pages page(s), $sheets sheet(s) under $outdir"
