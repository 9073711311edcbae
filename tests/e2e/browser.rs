//! Headless Chromium over WebDriver: starts chromedriver on a free port and opens a session.

use fantoccini::{Client, ClientBuilder};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A chromedriver process, killed on drop.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts chromedriver and waits until it accepts connections.
pub async fn start_driver() -> Driver {
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
    let port = free_port();
    #[allow(clippy::zombie_processes, reason = "Driver's Drop kills and waits for it")]
    let child = Command::new(&binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (run .ci/setup.sh)"));
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Driver { child, port };
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("chromedriver did not start on port {port}");
}

/// A headless Chromium session with a fresh profile.
pub async fn open_session(driver: &Driver, width: u32, height: u32) -> Client {
    open_session_downloading(driver, width, height, None).await
}

/// A session that saves downloads into `downloads` without asking.
pub async fn open_session_downloading(
    driver: &Driver,
    width: u32,
    height: u32,
    downloads: Option<&std::path::Path>,
) -> Client {
    static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = std::env::temp_dir().join(format!("ht-e2e-{}-{}-{n}", std::process::id(), driver.port));
    let args = serde_json::json!([
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", profile.display()),
    ]);
    let mut capabilities = serde_json::Map::new();
    let mut chrome = serde_json::json!({ "args": args });
    if let Some(dir) = downloads {
        chrome["prefs"] = serde_json::json!({
            "download.default_directory": dir.to_str(),
            "download.prompt_for_download": false,
            "profile.default_content_setting_values.automatic_downloads": 1,
        });
    }
    capabilities.insert("goog:chromeOptions".to_owned(), chrome);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("WebDriver session")
}
