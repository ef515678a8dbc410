# Sourced by the scripts. jianghua_bin builds jianghua and prints the path of the binary,
# wherever the build puts it (.cargo/config.toml names the host target, so it is under
# target/<host>/).
#   bin=$(jianghua_bin)            # debug build
#   bin=$(jianghua_bin --release)  # release build
jianghua_bin() {
    cargo build --quiet "$@" --message-format=json-render-diagnostics |
        sed -n 's/.*"executable":"\([^"]*\/jianghua\)".*/\1/p' | tail -n 1
}

# Work folders for a benchmark, one on disk (under target/) and one on tmpfs (/dev/shm) when
# the machine has it, both removed on exit: sets the array `dirs`.
#   bench_dirs bench-docx
bench_dirs() {
    mkdir -p target
    dirs=("$(mktemp -d "$PWD/target/$1.XXXXXX")")
    if [[ -d /dev/shm && -w /dev/shm ]]; then
        dirs+=("$(mktemp -d "/dev/shm/$1.XXXXXX")")
    fi
    trap 'rm -rf "${dirs[@]}"' EXIT
}
