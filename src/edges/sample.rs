//! The sample compilation opened when `huibian` is run without a file: one of the real
//! compilations the parser is tested on (14 reports, plan parts of every kind).

/// The sample's bytes.
pub const SAMPLE: &[u8] = include_bytes!("../../tests/fixtures/000_3aa89c1d59f293ce.txt");
/// The name shown for it.
pub const SAMPLE_NAME: &str = "sample: 2023年度工作总结汇编 (built in)";
