//! huibian: a terminal reader for compilations of Chinese annual work reports (工作总结汇编).
//!
//! Three folders and the renderer, each depending only on the ones listed before it:
//! - [`doc`]: the document: the model (plain data), the parser (bytes → model, pure: no
//!   terminal, no file I/O), and the text services on it (search, wrap, view, copy, export);
//! - [`reader`]: the reader's state and its one mutator (`App::update`), the actions, the typed
//!   keys, the keymap and the resolver that turns key and mouse events into messages, the
//!   layout, themes and the interface's strings; no terminal I/O;
//! - [`ui`]: rendering, which only reads the reader's state;
//! - [`edges`]: where the program meets the world: the command line, the terminal and its
//!   event loop, loading files, the config file, the saved positions, the clipboard.

pub mod doc;
pub mod edges;
pub mod reader;
pub mod ui;
