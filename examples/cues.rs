//! Developer aid: prints every cue the lexicons and the roster's attribute phrases find in a
//! draft, with the text it covers, so a missed leak or a false alarm can be traced to the
//! evidence the engine saw (or did not see).
//!
//! `cargo run --release --example cues -- ROSTER DRAFT...`
//!
//! This prints the draft's own text only; roster cues name the client by index.

#![allow(clippy::print_stdout, reason = "printing the cues is this tool's job")]

use lipzip::Roster;
use lipzip::cues::CueMatcher;
use lipzip::lexicon::Lexicons;
use lipzip::normalize::Normalized;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let roster_path = args.next().ok_or("usage: cues ROSTER DRAFT...")?;
    let roster = Roster::from_yaml(&std::fs::read_to_string(&roster_path)?, &roster_path)?;
    let lexicons = Lexicons::builtin()?;
    let matcher = CueMatcher::new(&lexicons, &roster);
    for path in args {
        let text = std::fs::read_to_string(&path)?;
        let norm = Normalized::new(&text);
        println!("== {path}");
        for cue in matcher.find(&norm) {
            let s = cue.span;
            println!(
                "{:>6} {:<40} {:?}",
                s.start,
                format!("{:?}", &text[s.start..s.end]),
                cue.kind
            );
        }
    }
    Ok(())
}
