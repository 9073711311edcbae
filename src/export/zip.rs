//! A ZIP archive of stored (uncompressed) files: the handful of exports of one view. Written by
//! hand rather than with a crate: the format for stored entries is small, and this keeps the
//! wasm bundle lean. Deterministic: fixed timestamps (1980-01-01), entries in the given order.

/// Writes `files` (name, bytes) as a ZIP archive.
pub fn write_zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let crc = crate::crc32::crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Local file header: version 2.0, UTF-8 names (bit 11), stored.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for field in [20u16, 1 << 11, 0, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for field in [20u16, 20, 1 << 11, 0, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let central_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    let n_entries = u16::try_from(files.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for field in [0u16, 0, n_entries, n_entries] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_reads_the_archive() {
        let zip = write_zip(&[("a.txt".into(), b"hello".to_vec()), ("dir/ü.csv".into(), b"x,y\r\n".to_vec())]);
        assert_eq!(
            write_zip(&[("a.txt".into(), b"hello".to_vec()), ("dir/ü.csv".into(), b"x,y\r\n".to_vec())]),
            zip,
            "deterministic"
        );
        let path = std::env::temp_dir().join(format!("ht-zip-{}.zip", std::process::id()));
        std::fs::write(&path, &zip).unwrap();
        let check = std::process::Command::new("python3")
            .args(["-c", "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sorted((i.filename, z.read(i).decode()) for i in z.infolist()))"])
            .arg(&path)
            .output();
        std::fs::remove_file(&path).ok();
        match check {
            Ok(out) if out.status.success() => {
                assert_eq!(
                    String::from_utf8_lossy(&out.stdout).trim(),
                    "[('a.txt', 'hello'), ('dir/ü.csv', 'x,y\\r\\n')]"
                );
            }
            Ok(out) => panic!("python rejected the zip: {}", String::from_utf8_lossy(&out.stderr)),
            Err(_) => println!("skipped the python check: python3 is not installed"),
        }
    }
}
