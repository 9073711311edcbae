//! A tiny static file server for `dist/` on 127.0.0.1, one thread, for the tests only.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// A running server; it lives as long as the test process.
pub struct StaticServer {
    /// `http://127.0.0.1:PORT`
    pub base_url: String,
}

/// Serves `root` on a free loopback port, with `tests/fixtures` under `/fixtures/`.
pub fn serve(root: PathBuf) -> StaticServer {
    serve_with(root, Vec::new())
}

/// Like `serve`, with more folders under URL prefixes (`("bench/", dir)`).
pub fn serve_with(root: PathBuf, extra: Vec<(&'static str, PathBuf)>) -> StaticServer {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut mounts = vec![("fixtures/", fixtures)];
    mounts.extend(extra);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, mounts) = (root.clone(), mounts.clone());
            std::thread::spawn(move || respond(stream, &root, &mounts));
        }
    });
    StaticServer { base_url }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "text/plain; charset=utf-8",
    }
}

fn respond(mut stream: TcpStream, root: &Path, mounts: &[(&'static str, PathBuf)]) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).map_or(true, |n| n == 0) || header == "\r\n" {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split('?').next().unwrap_or("/").trim_start_matches('/');
    let safe = !path.split('/').any(|part| part == "..");
    let mounted = mounts.iter().find_map(|(prefix, dir)| path.strip_prefix(prefix).map(|rest| dir.join(rest)));
    let file = match mounted {
        Some(file) => file,
        None if path.is_empty() => root.join("index.html"),
        None => root.join(path),
    };
    let (status, body, kind) = match std::fs::read(&file) {
        Ok(bytes) if safe => ("200 OK", bytes, content_type(&file)),
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
}
