#!/usr/bin/env bash
# Installs the real readers the checks compare against: pandoc, LibreOffice Writer, poppler, and
# CJK fonts (Noto for 宋体/黑体/仿宋 stand-ins, AR PL UKai for 楷体). Debian; needs root or sudo.
set -euo pipefail
need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
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

# `jianghua serve` browser tests and `render -f html` print checks: headless Chromium + WebDriver.
chrome_need=()
command -v chromium >/dev/null || chrome_need+=(chromium)
command -v chromedriver >/dev/null || chrome_need+=(chromium-driver)
if ((${#chrome_need[@]})); then
  echo "installing: ${chrome_need[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "error: need root to apt-get install ${chrome_need[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${chrome_need[@]}" >/dev/null
fi
