#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: format, lints (native and wasm), native unit,
# integration and doc tests, the release build, and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" TRUNK_SKIP_VERSION_CHECK=true
# The page's compiler flags (SIMD, Leptos's erase_components) live in .cargo/config.toml; a
# RUSTFLAGS from the environment would replace them and the bundle budget test would fail.
unset RUSTFLAGS

step() { printf '\n==> %s\n' "$*"; }
step "fetch crates"
cargo fetch --locked
step "format"
cargo fmt --all -- --check
step "clippy (native)"
cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy (wasm)"
cargo clippy --locked --workspace --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "release build of the page (dist/)"
trunk build --release --locked
step "native tests, doc tests and browser end-to-end tests"
cargo test --locked --workspace
