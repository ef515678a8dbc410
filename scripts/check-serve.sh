#!/usr/bin/env bash
# `jianghua serve` smoke check: starts on a free port, listens on loopback only, serves the page
# and the embedded editor, answers the API.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bin.sh
bin=$(jianghua_bin)
[[ -x $bin ]] || { echo "error: build failed" >&2; exit 1; }
dir=$(mktemp -d)
out=$(mktemp)
cp examples/review.toml "$dir"/
"$bin" serve "$dir" >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$dir" "$out"' EXIT
for _ in $(seq 100); do grep -q 'http://' "$out" && break; sleep 0.1; done
url=$(grep -o 'http://[^/]*/' "$out")
case $url in
  http://127.0.0.1:*) ;;
  *) echo "error: not a loopback address: $url" >&2; exit 1 ;;
esac
port=${url##*:}
port=${port%/}
if command -v ss >/dev/null; then
  if ss -ltnH "sport = :$port" | awk '{print $4}' | grep -v '^127\.0\.0\.1:' | grep -q .; then
    echo "error: port $port is listening beyond loopback" >&2
    exit 1
  fi
fi
page=$(curl -fsS "$url")
editor=$(curl -fsS "${url}assets/editor.js")
files=$(curl -fsS "${url}api/files")
grep -q '讲话稿编辑器' <<<"$page"
grep -q 'cm-content' <<<"$editor"
grep -q '"review.toml"' <<<"$files"
echo "serve ok: $url (loopback only)"
