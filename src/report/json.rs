//! The JSON report: a versioned contract, documented field by field in the README.
//!
//! `version` changes only when a field is removed or changes meaning; new fields may be added
//! within a version.

use serde_json::{Value, json};

use super::Report;

/// The contract's version.
pub const VERSION: u32 = 1;

/// Renders the report as one JSON document.
#[must_use]
pub fn render(report: &Report<'_>) -> Value {
    let (block, warn, pass) = report.counts();
    let (suppressed, baselined) = report.silenced();
    let files: Vec<Value> = report
        .files
        .iter()
        .map(|f| {
            let positions = super::positions(f);
            let findings: Vec<Value> = f
                .scan
                .findings
                .iter()
                .zip(positions)
                .map(|(x, (start, end))| {
                    let rule = report.rules.get(&x.rule);
                    json!({
                        "rule": x.rule.as_str(),
                        "severity": x.severity.as_str(),
                        "client": x.client.as_ref().map(|c| c.as_str()),
                        "allowed_by": x.allowed_by,
                        "span": {"start": x.span.start, "end": x.span.end},
                        "line": start.line,
                        "column": start.column,
                        "end_line": end.line,
                        "end_column": end.column,
                        "text": report.quote(f, x.span),
                        "message": rule.map(|r| r.message.as_str()),
                        "help": rule.map(|r| r.help.as_str()),
                        "disclosed": x.disclosed.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
                        "cues": x.cues.iter().map(|c| json!({
                            "kind": c.kind,
                            "text": report.quote(f, c.span),
                        })).collect::<Vec<_>>(),
                        "k": x.k.map(|k| (k * 100.0).round() / 100.0),
                        "fingerprint": f.fingerprint(x),
                        "consent": x.consent_gaps.iter().map(|(id, gap)| json!({
                            "record": id,
                            "gap": gap.to_string(),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let mut file = json!({
                "path": f.path,
                "channel": f.channel.as_str(),
                "verdict": f.scan.verdict.as_str(),
                "findings": findings,
            });
            if let Some(fix) = &f.fix {
                let not_fixed: Vec<Value> = fix
                    .not_fixed
                    .iter()
                    .map(|n| {
                        json!({
                            "rule": n.skipped.rule.as_str(),
                            "client": n.skipped.client.as_ref().map(|c| c.as_str()),
                            "line": n.at.line,
                            "column": n.at.column,
                            "reason": n.skipped.reason.to_string(),
                        })
                    })
                    .collect();
                file["fix"] = json!({"fixed": fix.fixed, "not_fixed": not_fixed});
            }
            file
        })
        .collect();
    let errors: Vec<Value> = report
        .errors
        .iter()
        .map(|e| json!({"path": e.path, "message": e.message}))
        .collect();
    json!({
        "version": VERSION,
        "tool": {"name": "lipzip", "version": env!("CARGO_PKG_VERSION")},
        "today": report.today.to_string(),
        "summary": {
            "files": report.files.len(),
            "block": block,
            "warn": warn,
            "pass": pass,
            "errors": report.errors.len(),
            "suppressed": suppressed,
            "baselined": baselined,
            "skipped": report.notices.len(),
        },
        "files": files,
        "errors": errors,
        "notices": report
            .notices
            .iter()
            .map(|e| json!({"path": e.path, "message": e.message}))
            .collect::<Vec<_>>(),
    })
}
