//! Search over generated 1, 20 and 100 MB compilations: a literal phrase, a width-insensitive
//! query (`(一)` also finding `（一）`), and (on 100 MB) a frequent word. Target: under 50 ms for
//! 100 MB.
//! Also `--search 一` over one report of 100 000 headings (hit location, target under 0.5 s).
//! Run with `cargo bench --bench search`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use huibian::doc::search::{Query, compile, find_all};

fn search(c: &mut Criterion) {
    for mb in [1, 20, 100] {
        let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, mb << 20);
        let mut group = c.benchmark_group(format!("search {mb}MB"));
        group.sample_size(20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        let queries: &[(&str, &str)] = if mb == 100 {
            &[
                ("literal rare phrase", "国家统计局"),
                ("literal absent phrase", "终极测试短语"),
                ("width-insensitive (一)", "(一)"),
                ("width-insensitive 2024年", "２０２４年"),
                ("frequent word 工作", "工作"),
            ]
        } else {
            &[
                ("literal absent phrase", "终极测试短语"),
                ("width-insensitive (一)", "(一)"),
            ]
        };
        for &(name, query) in queries {
            let re = compile(&Query {
                text: query.into(),
                regex: false,
            })
            .expect("compiles");
            group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
                b.iter(|| find_all(black_box(&re), black_box(text)).len());
            });
        }
        group.finish();
    }
}

/// `--search 一` on one report with 100 000 headings: every line a hit, each placed under its
/// heading path (target: under 0.5 s; it was quadratic, 8.7 s at 40 000).
fn search_deep_outline(c: &mut Criterion) {
    let text = huibian::doc::generate::one_report_with_headings(100_000);
    let doc = huibian::doc::parse::parse(text.as_bytes()).expect("parses");
    let re = compile(&Query {
        text: "一".into(),
        regex: false,
    })
    .expect("compiles");
    let mut group = c.benchmark_group("search export");
    group.sample_size(10);
    group.bench_function("一 in one report of 100k headings", |b| {
        b.iter(|| {
            let mut out = std::io::sink();
            huibian::doc::export::write_search(black_box(&doc), &re, &mut out).expect("writes");
        });
    });
    group.finish();
}

criterion_group!(benches, search, search_deep_outline);
criterion_main!(benches);
