#!/usr/bin/env bash
# Times a batch: 1,000 specs (copies of examples/*.toml under new names) → .docx with
# `jianghua render specs/*.toml --out-dir out -f docx`, with hyperfine, and reports peak memory.
# Target: ≤ 0.25 s on 2 cores, all-or-nothing, memory bounded (not every output held at once).
# Runs twice: in target/ (disk) and in /dev/shm (tmpfs), since creating and renaming 1,000
# files costs the disk's own time; each writing over the last run's files and into a new folder.
#   scripts/bench-batch.sh [N=1000] [FORMAT=docx]
#   BENCH_FRESH_EXT4=1 scripts/bench-batch.sh   (as root: also on a new ext4 file system)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
format=${2:-docx}
for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || {
        echo "error: $tool not installed (apt-get install -y hyperfine time)" >&2
        exit 1
    }
done
source scripts/bin.sh
bin=$(jianghua_bin --release)
[[ -x $bin ]] || { echo "error: build failed" >&2; exit 1; }
bench_dirs bench-batch
# BENCH_FRESH_EXT4=1 (as root): also a freshly made ext4 file system, loop-mounted. A disk
# that earlier runs filled with recently deleted files makes ext4's inode allocator search
# past them (kernel time), so the disk figure depends on the machine's history.
if [[ ${BENCH_FRESH_EXT4:-} == 1 ]]; then
    image=$(mktemp "$PWD/target/bench-batch-ext4.XXXXXX")
    mnt=$(mktemp -d)
    truncate -s 1G "$image" && mkfs.ext4 -q -F "$image" && mount -o loop "$image" "$mnt" || {
        echo "error: could not make and mount an ext4 image (needs root and mkfs.ext4)" >&2
        exit 1
    }
    dirs+=("$mnt/w")
    mkdir "$mnt/w"
    trap 'rm -rf "${dirs[@]}"; umount "$mnt"; rm -rf "$image" "$mnt"' EXIT
fi
examples=(examples/*.toml)
echo "$n specs → $format; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for work in "${dirs[@]}"; do
    where=$([[ $work == /dev/shm/* ]] && echo "tmpfs" || echo "disk")
    [[ ${mnt:-} && $work == "$mnt"/* ]] && where="fresh ext4"

    mkdir "$work/specs"
    for ((i = 0; i < n; i++)); do
        cp "${examples[i % ${#examples[@]}]}" "$work/specs/s$(printf %04d "$i").toml"
    done
    (
        cd "$work"
        echo "[$where]"
        # replacing last run's files, and writing into a fresh folder: on ext4, renaming a
        # file over an existing one makes the kernel write the new file's data out first
        # (auto_da_alloc), which is what keeps the old file safe if the power fails
        hyperfine --warmup 2 --runs 10 --style basic \
            -n "batch of $n ($where, replacing)" "$bin render specs/*.toml --out-dir out -f $format" \
            -n "batch of $n ($where, new folder)" --prepare "rm -rf fresh" \
            "$bin render specs/*.toml --out-dir fresh -f $format" |
            grep -E "Benchmark|Time|Range"
        /usr/bin/time -v "$bin" render specs/*.toml --out-dir out -f "$format" 2>&1 >/dev/null |
            awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); printf "  peak RSS: %.1f MB\n", $2 / 1024}'
        echo "  files written: $(ls out | wc -l)"
    )
done
