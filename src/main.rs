//! The browser app, built by Trunk; see `headline_trends::ui`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic's message and place on the console (what `console_error_panic_hook` prints,
    // without its JavaScript stack, whose wasm frames carry no names in a release build).
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    leptos::mount::mount_to_body(headline_trends::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("headline-trends-web runs in the browser: build it with `trunk build` (see README.md)");
}
