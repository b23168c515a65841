//! Architecture checked by cheap tests: every source file documents itself, the core stays
//! free of front-end concerns, and every rule pack on disk is compiled in.

use std::path::Path;

use crate::support::repo_root;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    let mut files = Vec::new();
    rust_files(&repo_root().join("src"), &mut files);
    rust_files(&repo_root().join("tests"), &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} lacks a leading //! doc",
            f.display()
        );
    }
}

#[test]
fn the_core_knows_nothing_of_front_ends() {
    let front_ends = ["cli", "report", "lsp", "hook"];
    let mut files = Vec::new();
    rust_files(&repo_root().join("src"), &mut files);
    for f in files {
        let rel = f.strip_prefix(repo_root().join("src")).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let top = top.trim_end_matches(".rs");
        if front_ends.contains(&top) || top == "main" || top == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for banned in [
            "crate::cli",
            "crate::report",
            "std::process",
            "std::env",
            "SystemTime::now",
            "println!",
            "eprintln!",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", f.display());
        }
    }
}

#[test]
fn every_rule_pack_is_compiled_in() {
    let load = std::fs::read_to_string(repo_root().join("src/rules/load.rs")).unwrap();
    for entry in std::fs::read_dir(repo_root().join("rules")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".yaml") && name != "example-roster.yaml" {
            assert!(
                load.contains(&format!("\"{name}\"")),
                "rules/{name} is not in BUILTIN_PACKS"
            );
        }
    }
}
