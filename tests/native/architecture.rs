//! The import rules of ARCHITECTURE.md, checked: the core never names the browser or the clock.

use crate::support::root;
use std::path::Path;

const CORE: &[&str] = &["src/core", "src/kernels", "src/demo"];
const BROWSER_ONLY: &[&str] = &["leptos", "web_sys", "wasm_bindgen", "gloo_", "plotters_canvas", "js_sys"];
const CLOCK: &[&str] = &["Utc::now", "Local::now", "SystemTime::now", "Instant::now"];

fn rust_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn core_modules_name_neither_browser_crates_nor_the_clock() {
    let mut files = Vec::new();
    for dir in CORE {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 10, "the scan found the core files");
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in BROWSER_ONLY.iter().chain(CLOCK) {
                if code.contains(name) {
                    offences.push(format!("{}:{}: {name}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(offences.is_empty(), "forbidden names in the core:\n{}", offences.join("\n"));
}

#[test]
fn the_engine_crate_depends_on_no_browser_crate() {
    let manifest = std::fs::read_to_string(root().join("src/core/Cargo.toml")).unwrap();
    let dependencies = manifest.split("[dependencies]").nth(1).expect("the engine lists its dependencies");
    for name in ["leptos", "web-sys", "wasm-bindgen", "gloo", "plotters-canvas", "js-sys"] {
        assert!(!dependencies.contains(name), "the engine crate depends on {name}");
    }
}

#[test]
fn ui_is_the_only_module_that_touches_the_dom() {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    assert!(lib.contains("#[cfg(target_arch = \"wasm32\")]\npub mod ui;"), "ui must stay wasm-only");
}
