//! One integration test binary (as ripgrep and ruff do): it drives the real `lipzip` binary.

#![allow(clippy::unwrap_used, unreachable_pub)]

mod cache;
mod check;
mod consent;
mod contact;
mod corpora;
mod detection;
mod fix;
mod hook;
mod hostile;
mod import;
mod init;
mod lsp;
mod markup;
mod no_leak;
mod props;
mod roster_check;
mod roster_errors;
mod rules;
mod sarif_schema;
mod shell;
mod support;
mod tidy;
