#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there (idempotent).
#   bash .ci/setup.sh            # build tools: wasm target, wasm-bindgen-cli, trunk, wasm-opt
#   bash .ci/setup.sh --browser  # and Chromium + ChromeDriver for the browser tests
# Everything comes from the package registries (crates.io, npm, Debian); nothing else is fetched.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if [[ "${1:-}" == "--browser" ]]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]} (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# wasm-bindgen-cli must equal the wasm-bindgen library version in Cargo.lock.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wasm_bindgen_version" ]]; then
  echo "setup: installing wasm-bindgen-cli $wasm_bindgen_version"
  # No --locked: its lockfile pins a crate version the registry mirror here lacks.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

if ! trunk --version 2>/dev/null | grep -q '0\.22\.1'; then
  echo "setup: installing trunk 0.22.1"
  # trunk 0.22.1 declares rust-version 1.96.1 but builds and works on 1.95.
  cargo install trunk@0.22.1 --locked --ignore-rust-version
fi

if [[ ! -x node_modules/.bin/wasm-opt ]]; then
  echo "setup: installing binaryen 132 (wasm-opt) from npm"
  npm ci --no-audit --no-fund
fi
