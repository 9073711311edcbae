//! The browser app, built by Trunk; see `headline_trends::ui`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(headline_trends::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("headline-trends-web runs in the browser: build it with `trunk build` (see README.md)");
}
