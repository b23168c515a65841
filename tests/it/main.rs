//! One integration test binary (as ripgrep and ruff do): it drives the real `lipzip` binary.

#![allow(clippy::unwrap_used, unreachable_pub)]

mod cache;
mod check;
mod consent;
mod corpora;
mod detection;
mod hook;
mod hostile;
mod lsp;
mod no_leak;
mod props;
mod roster_errors;
mod rules;
mod sarif_schema;
mod support;
mod tidy;
