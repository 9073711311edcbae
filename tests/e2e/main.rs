//! End-to-end tests: the built page (`dist/`, from `trunk build --release`) in headless
//! Chromium, driven over WebDriver. Needs `chromedriver` on PATH or `$CHROMEDRIVER`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, reason = "test helpers: a panic is the failure report")]

mod benchmark;
mod browser;
mod bundle;
mod dashboard;
mod exports;
mod helpers;
mod own_data;
mod page;
mod server;
