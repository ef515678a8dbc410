#!/usr/bin/env bash
# Installs the real readers the checks compare against: pandoc, LibreOffice Writer, poppler, and
# CJK fonts (Noto for 宋体/黑体/仿宋 stand-ins, AR PL UKai for 楷体), hyperfine for the benchmarks,
# headless Chromium + ChromeDriver for the html/serve browser tests,
# and from PyPI openxml-audit (OOXML schema) and python-docx. Debian; needs root or sudo.
set -euo pipefail
need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v pip3 >/dev/null || command -v pip >/dev/null || need+=(python3-pip)
fonts=$(fc-list : family 2>/dev/null || true)
grep -q "Noto Sans CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
grep -qi "ukai" <<<"$fonts" || need+=(fonts-arphic-ukai)
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "error: need root to apt-get install ${need[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
# Python checkers (PyPI): openxml-audit validates against the OOXML schemas, python-docx reads.
py=()
command -v openxml-audit >/dev/null || py+=(openxml-audit)
python3 -c "import docx" 2>/dev/null || py+=(python-docx)
if ((${#py[@]})); then
  echo "installing (pip): ${py[*]}"
  pip=$(command -v pip3 || command -v pip)
  "$pip" install -q "${py[@]}" 2>/dev/null || "$pip" install -q --break-system-packages "${py[@]}"
fi
