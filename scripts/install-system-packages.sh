#!/usr/bin/env bash
# Installs the Debian programs the tests drive: LibreOffice Calc (recalculates and renders the
# report workbooks, via scripts/xlsx-check.sh), poppler-utils (PDF pages to PNG and text) and Chromium
# (the task pane's browser test). Needs root (apt-get). Does nothing when they are already there.
set -euo pipefail
if command -v libreoffice >/dev/null && command -v pdftoppm >/dev/null && command -v chromium >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  libreoffice-calc poppler-utils fonts-liberation2 fonts-crosextra-carlito fonts-dejavu-core \
  chromium >/dev/null
