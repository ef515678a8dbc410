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

# The GB/T 9704 fonts are Windows fonts; map them to installed CJK faces so that a page looks
# like the intended mix (serif body, sans 黑体 headings, 楷体 byline) when checked by eye.
cat >"$out/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体_GB2312</family><prefer><family>AR PL UKai CN</family><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
CONF
export FONTCONFIG_FILE="$PWD/$out/fonts.conf"

JIANGHUA_REQUIRE_TOOLS=1 JIANGHUA_DOCX_OUT="$PWD/$out" \
    cargo test --quiet --test docx real_readers -- --nocapture 2>&1 | tee "$out/report.txt"
grep -q "test result: ok. 1 passed" "$out/report.txt"

for pdf in "$out"/long-official.pdf "$out"/example-*-official.pdf "$out"/progress-reading.pdf; do
    pdftoppm -png -r 60 -f 1 -l 2 "$pdf" "$out/png/$(basename "$pdf" .pdf)"
done
echo "real-reader checks passed; pages to look at: $out/png/"
