//! What a reader makes their own: key overrides (seen in the help overlay), resuming where a
//! file was left (across sizes, changed files, large files still loading) and the Chinese
//! interface.

mod common;

use std::path::Path;

use huibian::edges::config;
use huibian::reader::app::{App, Msg, Saved, Settings};
use huibian::reader::i18n::Lang;
use huibian::reader::keymap::Keymap;

/// Settings with the config file's keys.
fn keyed(config: &config::Config) -> Settings {
    Settings {
        keymap: std::sync::Arc::new(Keymap::with_overrides(&config.keys)),
        ..common::settings(FIXTURE)
    }
}

/// Starts at a saved state, as the CLI does.
fn resume(a: &mut App, saved: Saved, position: bool) {
    a.update(Msg::Resume { saved, position });
}

const FIXTURE: &str = "000_3aa89c1d59f293ce.txt";

#[test]
fn a_key_override_changes_what_the_key_does_and_the_help_says_so() {
    let config = config::parse(
        Path::new("config.toml"),
        "[keys.normal]\n\"ctrl-n\" = \"next_report\"\n\"g r\" = \"next_report\"\nn = \"none\"\n",
    )
    .expect("parses");
    let mut a = common::app_with(FIXTURE, 160, 45, keyed(&config));
    common::press(&mut a, "<C-n><C-n>");
    assert_eq!(a.current_report(), 2);
    common::press(&mut a, "gr");
    assert_eq!(a.current_report(), 3, "the chord g r");
    assert_eq!(a.pending(), None);
    common::press(&mut a, "g");
    assert_eq!(a.pending(), Some("g_"), "waiting for the chord's next key");
    assert!(
        common::screen(&a)
            .last()
            .is_some_and(|r| r.contains(" g_ |"))
    );
    // A key that ends no chord: the chord is dropped and the key taken on its own.
    common::press(&mut a, "]");
    assert_eq!((a.current_report(), a.pending()), (4, None));
    // `g` alone no longer goes to the top (the chord took it), `home` still does.
    common::press(&mut a, "gx");
    assert_eq!(a.current_report(), 4);
    common::press(&mut a, "<Home>");
    assert_eq!(a.top().line, 1);
    // The help lists the user's keys with the action's description; n is gone from it.
    common::press(&mut a, "?");
    let help = common::screen(&a).join("\n");
    assert!(
        help.lines()
            .any(|l| l.contains("] ctrl-n g r") && l.contains("next report")),
        "{help}"
    );
    assert!(!help.lines().any(|l| l.contains("next search hit")));
}

#[test]
fn no_resume_starts_at_the_top_and_keeps_the_marks() {
    let mut a = common::app(FIXTURE, 160, 45);
    common::press(&mut a, "]]}}jjjmaG");
    let marked = a.finder().marks.get(&'a').map(|m| m.line);
    let saved = a.saved("/docs/000.txt");
    let mut b = common::app(FIXTURE, 160, 45);
    let start = b.top();
    resume(&mut b, saved, false);
    assert_eq!(b.top(), start, "--no-resume starts at the top");
    assert_eq!(b.finder().marks.get(&'a').map(|m| m.line), marked);
    // And they are saved again on quit, so a later session still has them.
    assert_eq!(b.saved("/docs/000.txt").marks.len(), 1);
}

#[test]
fn resume_across_a_resize_a_restart_and_a_changed_file() {
    let mut a = common::app(FIXTURE, 160, 45);
    common::press(&mut a, "]]}}jjjmaG'a");
    let saved = a.saved("/docs/000.txt");
    let line = a.top().line;
    assert_eq!(saved.marks.len(), 1);
    // Another session at another size: the same line on top, the mark where it was.
    let mut b = common::app(FIXTURE, 70, 20);
    resume(&mut b, saved.clone(), true);
    assert_eq!(b.top().line, line);
    assert_eq!(b.current_report(), 2);
    assert_eq!(b.finder().marks.get(&'a').map(|m| m.line), Some(line));
    assert!(b.message().is_none());
    // The file changed above the position: back at the heading, which moved down two lines.
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{FIXTURE}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let changed = format!("新增的第一行\n新增的第二行\n{text}");
    let doc = huibian::doc::parse::parse(changed.as_bytes()).expect("parses");
    let mut c = App::new(doc, huibian::reader::app::Settings::default());
    c.update(Msg::Resize(160, 45));
    resume(&mut c, saved.clone(), true);
    let heading = saved.position.heading.as_ref().expect("a heading").0;
    assert_eq!(c.top().line, heading + 2);
    assert!(c.message().is_some_and(|m| m.contains("nearest heading")));
    // Nothing of it left: the reader stays at the start and says why.
    let other = std::fs::read(format!(
        "{}/tests/fixtures/001_149dd883a1863841.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let mut d = App::new(
        huibian::doc::parse::parse(&other).expect("parses"),
        huibian::reader::app::Settings::default(),
    );
    d.update(Msg::Resize(160, 45));
    let start = d.top();
    resume(&mut d, saved, true);
    assert_eq!(d.top(), start);
    assert!(
        d.message()
            .is_some_and(|m| m.contains("starting at the top"))
    );
}

#[test]
fn a_position_beyond_a_large_files_preview_is_taken_when_the_text_arrives() {
    let path = std::env::temp_dir().join(format!("huibian-resume-big-{}.txt", std::process::id()));
    let text = huibian::doc::generate::compilation(&huibian::doc::generate::CORPUS, 3 << 20);
    std::fs::write(&path, &text).expect("write");
    let full = huibian::doc::parse::parse(text.as_bytes()).expect("parses");
    let deep = full.reports[full.reports.len() - 3].headings[0].line;
    let mut whole = common::Reader::new(full, Settings::default());
    whole.update(Msg::Resize(160, 45));
    common::press(&mut whole, &format!(":{deep}<Enter>"));
    assert_eq!(whole.top().line, deep);
    let saved = whole.saved("big");
    let preview = huibian::edges::load::preview(&path)
        .expect("reads")
        .expect("preview");
    assert!(preview.text.line_count() < deep);
    let mut a = common::Reader::new(preview, Settings::default());
    a.update(huibian::reader::app::Msg::Resize(160, 45));
    a.update(Msg::Progress(0));
    resume(&mut a, saved, true);
    assert!(a.top().line < deep, "not in the preview yet");
    let events: Vec<_> = huibian::edges::load::spawn(path.clone()).iter().collect();
    for e in events {
        if let huibian::edges::load::LoadEvent::Partial { doc, parsed } = e {
            a.update(Msg::Partial { doc, parsed });
            break;
        }
    }
    assert_eq!(
        a.top().line,
        deep,
        "placed as soon as the whole text is there"
    );
    // Had the user moved first, their place would have won.
    let preview = huibian::edges::load::preview(&path)
        .expect("reads")
        .expect("preview");
    let mut b = common::Reader::new(preview, Settings::default());
    b.update(huibian::reader::app::Msg::Resize(160, 45));
    b.update(Msg::Progress(0));
    resume(&mut b, whole.saved("big"), true);
    common::press(&mut b, "]");
    let chosen = b.top().line;
    for e in huibian::edges::load::spawn(path.clone()).iter() {
        if let huibian::edges::load::LoadEvent::Partial { doc, parsed } = e {
            b.update(Msg::Partial { doc, parsed });
            break;
        }
    }
    assert_eq!(b.top().line, chosen);
    assert_ne!(chosen, deep);
    std::fs::remove_file(path).ok();
}

#[test]
fn the_chinese_interface() {
    let chinese = Settings {
        lang: Lang::Zh,
        ..common::settings(FIXTURE)
    };
    let mut a = common::app_with(FIXTURE, 100, 30, chinese);
    common::press(&mut a, "]]");
    insta::assert_snapshot!("text_zh_100x30", common::screen(&a).join("\n"));
    common::press(&mut a, "?");
    insta::assert_snapshot!("help_zh_100x30", common::screen(&a).join("\n"));
    common::press(&mut a, "?/不存在的词<Enter>");
    let rows = common::screen(&a);
    assert!(
        rows.last()
            .is_some_and(|r| r.contains("未找到：不存在的词")),
        "{rows:?}"
    );
}

#[test]
fn the_language_follows_the_locale() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(Lang::from_env(&env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(
        Lang::from_env(&env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_env(&env(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "C")])),
        Lang::Zh
    );
    assert_eq!(Lang::from_env(&env(&[])), Lang::En);
}

#[test]
fn the_help_lists_every_context_including_the_lists() {
    let mut a = common::app(FIXTURE, 160, 45);
    common::press(&mut a, "?G");
    let help = common::screen(&a).join("\n");
    assert!(help.contains("Results and marks lists"), "{help}");
    assert!(
        help.lines()
            .any(|l| l.contains(" s ") && l.contains("results: all"))
    );
}

#[test]
fn hints_name_the_keys_in_use() {
    let config = config::parse(
        Path::new("config.toml"),
        "[keys.normal]\n\"/\" = \"none\"\n\"s\" = \"open_search\"\n\"?\" = \"none\"\nf1 = \"toggle_help\"\n",
    )
    .expect("parses");
    let mut a = common::app_with(FIXTURE, 160, 45, keyed(&config));
    // `n` with no search: the message names the key that now searches.
    common::press(&mut a, "n");
    let message = a.message().map(str::to_owned).unwrap_or_default();
    assert!(
        message.contains("s to search") && !message.contains('/'),
        "{message}"
    );
    // The status line's help hint names F1, not `?`.
    let status = common::screen(&a).last().cloned().unwrap_or_default();
    assert!(
        status.contains("f1 help") && !status.contains("? help"),
        "{status}"
    );
}
