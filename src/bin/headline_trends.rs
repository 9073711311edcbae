//! The native command; see `headline_trends::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    headline_trends::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
