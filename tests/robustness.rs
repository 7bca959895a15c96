//! The parser returns (Ok or a clean error), never panics, on arbitrary bytes and on thousands of
//! random mutations of the corpus files. A seeded generator keeps every run the same.

/// xorshift64*: small, seeded, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).expect("fits")
    }
}

const FIXTURES: [&str; 5] = [
    "000_3aa89c1d59f293ce.txt",
    "001_149dd883a1863841.txt",
    "002_a6a433b16e8aa61d.txt",
    "003_c5e2716b8b7ca77e.txt",
    "004_b94f0c5038739baf.txt",
];

/// Pieces that stress the parser's special cases when spliced in anywhere.
const SPLICES: [&str; 16] = [
    "目录\n",
    "（",
    "）",
    "一、",
    "1.",
    "（1）",
    "一是",
    "\t12\n",
    "##paidbegin##",
    "##paidend##\n",
    "\r",
    "\u{3000}\u{3000}",
    "（14篇）",
    "篇一：",
    "2024年工作计划\n",
    "2023年12月1日\n",
];

fn mutate(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut v = bytes.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 => {
                let end = (at + rng.below(200)).min(v.len());
                v.drain(at..end);
            }
            1 => {
                let junk: Vec<u8> = (0..rng.below(16))
                    .map(|_| (rng.next() & 0xff) as u8)
                    .collect();
                v.splice(at..at, junk);
            }
            2 => {
                let piece = SPLICES[rng.below(SPLICES.len())].as_bytes();
                v.splice(at..at, piece.iter().copied());
            }
            3 => v.truncate(at),
            4 => {
                let end = (at + rng.below(500)).min(v.len());
                let copy = v[at..end].to_vec();
                v.splice(at..at, copy);
            }
            _ => {
                if let Some(b) = v.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
        }
    }
    v
}

fn fixtures() -> Vec<Vec<u8>> {
    FIXTURES
        .iter()
        .map(|f| {
            std::fs::read(format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR")))
                .expect("fixture")
        })
        .collect()
}

#[test]
fn mutated_windows_never_panic() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let files = fixtures();
    for i in 0..1_500 {
        let file = &files[i % files.len()];
        let start = rng.below(file.len());
        let window = &file[start..file.len().min(start + 2_000 + rng.below(30_000))];
        // A window inside one report may hold no title: an error is fine, a panic is not.
        let _ = huibian::doc::parse::parse(&mutate(&mut rng, window));
    }
}

#[test]
fn mutated_whole_files_still_parse() {
    let mut rng = Rng(0x00DD_BA11_5EED_0002);
    let files = fixtures();
    let mut parsed = 0;
    let runs = 400;
    for i in 0..runs {
        if huibian::doc::parse::parse(&mutate(&mut rng, &files[i % files.len()]))
            .is_ok_and(|c| !c.reports.is_empty())
        {
            parsed += 1;
        }
    }
    // Truncation at the very start can leave nothing; anything else keeps a compilation.
    assert!(
        parsed * 10 >= runs * 9,
        "only {parsed} of {runs} mutated files parsed"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(0xBAD_C0DE_0000_0042);
    for _ in 0..2_000 {
        let len = rng.below(4_096);
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() >> 24) as u8).collect();
        let _ = huibian::doc::parse::parse(&bytes);
    }
}

#[test]
fn whole_files_with_their_lines_shuffled_never_panic() {
    let mut rng = Rng(7);
    for f in FIXTURES {
        let text =
            std::fs::read_to_string(format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR")))
                .expect("fixture");
        let mut lines: Vec<&str> = text.lines().collect();
        for _ in 0..10 {
            for i in (1..lines.len()).rev() {
                lines.swap(i, rng.below(i + 1));
            }
            let _ = huibian::doc::parse::parse(lines.join("\n").as_bytes());
        }
    }
}
