//! Where the program meets the world: the command line, the terminal and its event loop,
//! reading files, the config file, saved reading positions and the clipboard.

pub mod cli;
pub mod clipboard;
pub mod config;
pub mod load;
pub mod resume;
pub mod sample;
pub mod shelf;
pub mod terminal;
