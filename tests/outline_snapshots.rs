//! A compact outline of each corpus fixture, snapshotted with insta: reports, their headings with
//! relative levels, plan parts with their items, sign-offs. A change in any of them shows up as a
//! reviewable diff.

use std::fmt::Write;

use huibian::doc::model::Compilation;

fn outline(c: &Compilation) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "title {:?} · declared {:?} · encoding {}",
        c.title, c.declared_count, c.encoding
    );
    for (i, r) in c.reports.iter().enumerate() {
        let _ = writeln!(
            s,
            "R{} L{}–{} {} chars «{}»",
            i + 1,
            r.line,
            r.end_line,
            r.char_count,
            r.title
        );
        if let Some(a) = r.addressee_line {
            let _ = writeln!(s, "  addressee L{a}");
        }
        for h in &r.headings {
            let indent = "  ".repeat(usize::from(h.level));
            let run_in = if h.run_in { " …" } else { "" };
            let _ = writeln!(
                s,
                "{indent}L{} {}{}{run_in}",
                h.line,
                h.marker,
                h.text.chars().take(16).collect::<String>()
            );
        }
        match &r.plan {
            Some(p) => {
                let _ = writeln!(
                    s,
                    "  PLAN {:?} heading {:?} L{}–{} ({} items)",
                    p.kind,
                    p.heading_line,
                    p.start_line,
                    p.end_line,
                    p.items.len()
                );
                for item in &p.items {
                    let _ = writeln!(
                        s,
                        "    · L{} {}",
                        item.line,
                        item.text.chars().take(20).collect::<String>()
                    );
                }
            }
            None => s.push_str("  no plan\n"),
        }
        if !r.signoff_lines.is_empty() {
            let _ = writeln!(s, "  sign-off {:?}", r.signoff_lines);
        }
    }
    s
}

macro_rules! snapshot {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            let bytes = std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/",
                $file
            ))
            .expect("fixture");
            let c = huibian::doc::parse::parse(&bytes).expect("parses");
            insta::assert_snapshot!(outline(&c));
        }
    };
}

snapshot!(outline_000, "000_3aa89c1d59f293ce.txt");
snapshot!(outline_001, "001_149dd883a1863841.txt");
snapshot!(outline_002, "002_a6a433b16e8aa61d.txt");
snapshot!(outline_003, "003_c5e2716b8b7ca77e.txt");
snapshot!(outline_004, "004_b94f0c5038739baf.txt");
