//! Decode + parse throughput, including the copy of the input into the text buffer on generated compilations of 1, 20 and 100 MB (UTF-8 input, one
//! core). Run with `cargo bench --bench parse`; figures go in the README.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SOURCES: [&str; 5] = [
    include_str!("../tests/fixtures/000_3aa89c1d59f293ce.txt"),
    include_str!("../tests/fixtures/001_149dd883a1863841.txt"),
    include_str!("../tests/fixtures/002_a6a433b16e8aa61d.txt"),
    include_str!("../tests/fixtures/003_c5e2716b8b7ca77e.txt"),
    include_str!("../tests/fixtures/004_b94f0c5038739baf.txt"),
];

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode+parse");
    group.sample_size(10);
    for mb in [1usize, 20, 100] {
        let text = huibian::generate::compilation(&SOURCES, mb << 20);
        let reports = huibian::parse::parse(text.as_bytes())
            .map(|c| c.reports.len())
            .unwrap_or(0);
        assert!(
            reports > mb,
            "the generated compilation parses into its reports"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, text| {
                b.iter(|| {
                    huibian::parse::parse(black_box(text.as_bytes())).map(|c| c.reports.len())
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
