//! Writes a generated compilation of about N megabytes to stdout, built from the test fixtures:
//! `cargo run --release --example generate -- 100 > big.txt`.

use std::io::Write;

const SOURCES: [&str; 5] = [
    include_str!("../tests/fixtures/000_3aa89c1d59f293ce.txt"),
    include_str!("../tests/fixtures/001_149dd883a1863841.txt"),
    include_str!("../tests/fixtures/002_a6a433b16e8aa61d.txt"),
    include_str!("../tests/fixtures/003_c5e2716b8b7ca77e.txt"),
    include_str!("../tests/fixtures/004_b94f0c5038739baf.txt"),
];

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let text = huibian::generate::compilation(&SOURCES, mb << 20);
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
