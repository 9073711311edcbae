#!/usr/bin/env bash
# Sets up a fresh machine and serves the dashboard, with its bundled demo data, on
# http://127.0.0.1:8080/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
cargo fetch --locked
# Compiler flags come from .cargo/config.toml (see test-all.sh).
unset RUSTFLAGS
exec trunk serve --release --locked --address 127.0.0.1 --port "${PORT:-8080}"
