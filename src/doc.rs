//! The document: the model, the parser that builds it, and the text services that read it.
//! Nothing here knows about a terminal.

pub mod copy;
pub mod docx;
pub mod export;
pub mod generate;
pub mod model;
pub mod office;
pub mod parse;
pub mod place;
pub mod safe;
pub mod search;
pub mod track;
pub mod view;
pub mod wrap;
