//! The reader: its state and the one way it changes ([`app::App::update`]), what the user can
//! ask for ([`action`]), how keys and the mouse are read ([`key`], [`keymap`], [`input`]), the
//! layout of the panes, themes, and every string of the interface ([`i18n`]).

pub mod action;
pub mod app;
pub mod i18n;
pub mod input;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod settings;
pub mod theme;
