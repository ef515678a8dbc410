#!/usr/bin/env bash
# Hostile cases that need a shell (issue 8): closed pipes, full devices, signals mid-batch.
# The rest of the catalogue is tests/hostile.rs. Skips (with a note) what this machine cannot do.
#   scripts/check-hostile.sh
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bin.sh
bin=$(jianghua_bin)
[[ -x $bin ]] || { echo "error: build failed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
skip() { echo "skip $1"; }

sample=$work/sample.txt
printf '在全县工作会议上的讲话\n\n同志们：\n\n今天召开全县工作会议。下面，我讲两点意见。\n\n一、统一思想\n\n要把思想统一到县委的部署上来。\n\n二、抓好落实\n\n各单位要抓好落实。\n' >"$sample"

# 1. a closed pipe ends quietly with status 141 (128 + SIGPIPE), whatever the command
if command -v python3 >/dev/null; then
    closed_pipe() {
        python3 - "$@" <<'PY'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)  # the reader is gone before we write
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
os.close(w)
sys.stdout.write(f"{p.returncode}\n{p.stderr.decode()}")
PY
    }
    for args in "templates" "profiles" "mine $sample -f outline" "mine $sample -f json" \
        "new review -o -" "render examples/review.toml -o -" "--help" "--version"; do
        # shellcheck disable=SC2086
        # mine's own notes (提示：…) on what it guessed are not errors; anything else is
        got=$(closed_pipe "$bin" $args | grep -v '^提示：')
        if [[ $got == "141" ]]; then ok "closed pipe: jianghua $args → 141, silent"
        else bad "closed pipe: jianghua $args → $(echo "$got" | head -3)"; fi
    done
else
    skip "closed pipe (python3 not installed)"
fi

# 2. a full device is a clear Chinese error (status 1), never a panic (134)
if [[ -w /dev/full ]]; then
    for args in "templates" "profiles" "mine $sample -f json" "mine $sample -f outline" \
        "new review -o -" "render examples/review.toml -o -"; do
        # shellcheck disable=SC2086
        err=$("$bin" $args 2>&1 >/dev/full)
        status=$?
        err=$(grep -v '^提示：' <<<"$err")
        want="错误：无法写入 标准输出：磁盘空间已满；请清理磁盘后重试"
        if [[ $status == 1 && $err == "$want" ]]; then ok "/dev/full: jianghua $args → $want"
        else bad "/dev/full: jianghua $args → status $status: $err"; fi
    done
    "$bin" render "$work/nope.toml" 2>/dev/full
    status=$?
    if [[ $status == 1 ]]; then ok "stderr on /dev/full: status 1, no panic"
    else bad "stderr on /dev/full: status $status"; fi
else
    skip "/dev/full (not writable here)"
fi

# 3. SIGINT/SIGTERM during a batch: no temp file left, and all outputs or none replaced
mkdir "$work/specs"
for i in $(seq -w 1 400); do cp examples/review.toml "$work/specs/s$i.toml"; done
for sig in INT TERM HUP; do
    out=$work/out-$sig
    mkdir "$out"
    for i in $(seq -w 1 400); do echo 旧稿 >"$out/s$i.docx"; done
    "$bin" render "$work"/specs/*.toml --out-dir "$out" -f docx 2>/dev/null &
    pid=$!
    sleep 0.3
    kill -s "$sig" "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    tmp=$(find "$out" -name '*.tmp' | wc -l)
    old=$(grep -l 旧稿 "$out"/*.docx 2>/dev/null | wc -l)
    if [[ $tmp == 0 && ($old == 0 || $old == 400) ]]; then
        ok "SIG$sig mid-batch (status $status): no temp files, $((400 - old))/400 replaced"
    else
        bad "SIG$sig mid-batch (status $status): $tmp temp files, $((400 - old))/400 replaced"
    fi
done

# 4. SIGTERM during a single render (SIGINT is ignored by a background job): the signal waits until the file is in place, so the folder
# holds the old draft or the whole new one, never a temp file
python3 - "$work/big.toml" <<'PY'
import sys
lines = open("examples/review.toml", encoding="utf-8").read().split("\n")
at = next(i for i, l in enumerate(lines) if l.startswith("paragraphs = []"))
para = "我们要坚持稳中求进工作总基调，推动各项工作取得新成效。" * 30
lines[at] = "paragraphs = [" + ", ".join(f'"{para}"' for _ in range(900)) + "]"
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines))
PY
mkdir "$work/one"
echo 旧稿 >"$work/one/big.docx"
"$bin" render "$work/big.toml" -o "$work/one/big.docx" 2>/dev/null &
pid=$!
sleep 0.2
kill -s TERM "$pid" 2>/dev/null
wait "$pid"
status=$?
tmp=$(find "$work/one" -name '*.tmp' | wc -l)
if grep -q 旧稿 "$work/one/big.docx"; then
    state="old draft kept"
elif python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$work/one/big.docx"; then
    state="whole new draft"
else
    state="broken file"
fi
if [[ $tmp == 0 && $state != "broken file" ]]; then
    ok "SIGTERM during one render (status $status): no temp file, $state"
else
    bad "SIGTERM during one render (status $status): $tmp temp files, $state"
fi

exit $fail
