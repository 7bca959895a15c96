//! huibian: a terminal reader for compilations of Chinese annual work reports (工作总结汇编).
//!
//! Layers, each depending only on the ones below it:
//! - [`model`]: the parsed compilation, plain immutable data (std only);
//! - [`parse`]: bytes → [`model::Compilation`], pure (no terminal, no file I/O);
//! - [`export`]: the model as JSON, a report list, or the plans as text or Markdown;
//! - [`generate`]: large synthetic compilations for benchmarks;
//! - [`cli`]: command-line options and the `run` entry point used by the binary;
//! - [`config`]: the user's config file; [`resume`]: where each file was left;
//! - [`i18n`]: every string of the interface, in Chinese and English.

pub mod action;
pub mod app;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod copy;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod keymap;
pub mod layout;
pub mod load;
pub mod model;
pub mod parse;
pub mod resume;
pub mod safe;
pub mod sample;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod view;
pub mod wrap;
