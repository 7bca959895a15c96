//! The README's key table is the keymap's own table: change a binding and this fails until the
//! README says the same (regenerate it with `cargo test --test readme_keys -- --ignored`).

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const BEGIN: &str = "<!-- keys:begin -->\n";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_table_equals_the_keymap() {
    let readme = std::fs::read_to_string(README).expect("README");
    let table = huibian::reader::keymap::Keymap::default().markdown_table();
    let start = readme
        .find(BEGIN)
        .expect("README has the keys:begin marker")
        + BEGIN.len();
    let end = readme.find(END).expect("README has the keys:end marker");
    assert_eq!(
        &readme[start..end],
        table,
        "README key table differs from the keymap"
    );
}

#[test]
#[ignore = "rewrites README.md"]
fn regenerate_readme_key_table() {
    let readme = std::fs::read_to_string(README).expect("README");
    let table = huibian::reader::keymap::Keymap::default().markdown_table();
    let start = readme.find(BEGIN).expect("marker") + BEGIN.len();
    let end = readme.find(END).expect("marker");
    std::fs::write(
        README,
        format!("{}{table}{}", &readme[..start], &readme[end..]),
    )
    .expect("write");
}
