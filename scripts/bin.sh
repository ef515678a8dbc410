# Sourced by the scripts: builds jianghua and prints the path of the binary, wherever the
# build puts it (.cargo/config.toml names the host target, so it is under target/<host>/).
#   bin=$(jianghua_bin)            # debug build
#   bin=$(jianghua_bin --release)  # release build
jianghua_bin() {
    cargo build --quiet "$@" --message-format=json-render-diagnostics |
        sed -n 's/.*"executable":"\([^"]*\/jianghua\)".*/\1/p' | tail -n 1
}
