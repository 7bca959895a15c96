//! Decode + parse throughput, including the copy of the input into the text buffer, on
//! generated compilations of 1, 20 and 100 MB (UTF-8 input), and 1 GB with
//! `HUIBIAN_BENCH_1GB=1` (it needs about 3 GB of memory and a minute). Run with
//! `cargo bench --bench parse`; figures go in the README.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode+parse");
    group.sample_size(10);
    let mut sizes = vec![1usize, 20, 100];
    if std::env::var_os("HUIBIAN_BENCH_1GB").is_some() {
        sizes.push(1000);
    }
    for mb in sizes {
        let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, mb << 20);
        let reports = huibian::doc::parse::parse(text.as_bytes())
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
                    huibian::doc::parse::parse(black_box(text.as_bytes())).map(|c| c.reports.len())
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
