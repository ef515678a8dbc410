#!/usr/bin/env bash
# Times `jianghua render <example>.toml -o x.docx` against `pandoc <example>.md -o y.docx`
# (the same speech) with hyperfine, prints the speed ratio and both peak memories
# (/usr/bin/time -v). Targets: jianghua ≥ 20× faster than pandoc, peak memory < 10 MB.
# Runs twice: writing to disk and writing to tmpfs (/dev/shm).
#   scripts/bench-docx.sh [examples/review.toml]
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-examples/review.toml}
md=${spec%.toml}.md
for tool in hyperfine pandoc /usr/bin/time python3; do
    command -v "$tool" >/dev/null || {
        echo "error: $tool not installed (apt-get install -y hyperfine pandoc time python3)" >&2
        exit 1
    }
done
source scripts/bin.sh
bin=$(jianghua_bin --release)
[[ -x $bin ]] || { echo "error: build failed" >&2; exit 1; }
bench_dirs bench-docx

peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'; }

echo "speech: $spec (pandoc reads $md); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for dir in "${dirs[@]}"; do
    where=$([[ $dir == /dev/shm/* ]] && echo "tmpfs" || echo "disk")
    hyperfine --shell=none --warmup 5 --runs 100 --style basic --export-json "$dir/times.json" \
        -n jianghua "$bin render $spec -o $dir/x.docx" \
        -n pandoc "pandoc $md -o $dir/y.docx" >/dev/null
    jh_kb=$(peak_kb "$bin" render "$spec" -o "$dir/x.docx")
    pd_kb=$(peak_kb pandoc "$md" -o "$dir/y.docx")
    python3 - "$dir/times.json" "$jh_kb" "$pd_kb" "$where" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
jh, pd = runs["jianghua"], runs["pandoc"]
jh_kb, pd_kb, where = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ratio = pd["mean"] / jh["mean"]
median_ratio = pd["median"] / jh["median"]
ms = lambda r: f"{r['mean'] * 1000:.1f} ms (median {r['median'] * 1000:.1f})"
print(f"[{where}] jianghua {ms(jh)}, pandoc {ms(pd)}: jianghua {ratio:.1f}x faster by means, "
      f"{median_ratio:.1f}x by medians (target >= 20x: {'met' if ratio >= 20 else 'MISSED'} by means)")
print(f"[{where}] peak memory: jianghua {jh_kb / 1024:.1f} MB (target < 10 MB: "
      f"{'met' if jh_kb < 10 * 1024 else 'MISSED'}), pandoc {pd_kb / 1024:.1f} MB")
PY
done
