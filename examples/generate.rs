//! Writes a generated compilation of about N megabytes to stdout, built from the test fixtures:
//! `cargo run --release --example generate -- 100 > big.txt`.

use std::io::Write;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, mb << 20);
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
