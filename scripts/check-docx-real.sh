#!/usr/bin/env bash
# Real-reader checks of the Word output: LibreOffice → PDF → poppler (text, A4, 22 lines per
# full page, characters per line, page numbers odd-right/even-left) and pandoc (text), for the
# test speeches and every example, in both built-in profiles. Installs the tools when missing
# (Debian, as root). Leaves the .docx/.pdf files and PNGs of the first pages in
# target/docx-real/ to look at.
#   scripts/check-docx-real.sh            # install if needed, check, render PNGs
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-ci-tools.sh

out=target/docx-real
rm -rf "$out"
mkdir -p "$out/png"

# The GB/T 9704 fonts are Windows fonts; scripts/fonts.conf maps them (and their Windows names)
# to free faces of the same style so the pages show 黑体 headings against the body face.
export FONTCONFIG_FILE="$PWD/scripts/fonts.conf"

JIANGHUA_REQUIRE_TOOLS=1 JIANGHUA_DOCX_OUT="$PWD/$out" \
    cargo test --quiet --test docx real_readers -- --nocapture 2>&1 | tee "$out/report.txt"
grep -q "test result: ok. 1 passed" "$out/report.txt"

for pdf in "$out"/long-official.pdf "$out"/sequence-official.pdf "$out"/example-*-official.pdf \
    "$out"/example-review-windows.pdf "$out"/progress-reading.pdf; do
    pdftoppm -png -r 60 -f 1 -l 2 "$pdf" "$out/png/$(basename "$pdf" .pdf)"
done
echo "real-reader checks passed; pages to look at: $out/png/"
