//! SARIF 2.1.0, for code scanning dashboards (GitHub, Azure DevOps, IDE viewers).
//!
//! `tool.driver.rules` carries every rule's id, message, why and help; each result points at
//! its file, line and column. Columns count Unicode code points (`columnKind:
//! unicodeCodePoints`), as lipzip's other reports do. `partialFingerprints` is a hash of path,
//! rule, client id and matched text: stable when lines move, and free of names. Findings that
//! consent allows are results at level `note` with an external suppression naming the record.

use serde_json::{Value, json};

use super::Report;
use crate::rules::Severity;

/// The SARIF schema this output follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Block => "error",
        Severity::Warn => "warning",
        Severity::Info => "note",
    }
}

/// Renders one SARIF log with one run.
#[must_use]
pub fn render(report: &Report<'_>) -> Value {
    let rules: Vec<Value> = report
        .rules
        .rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.id.as_str(),
                "name": r.id.as_str(),
                "shortDescription": {"text": r.message},
                "fullDescription": {"text": if r.why.is_empty() { r.message.clone() } else { r.why.trim().to_owned() }},
                "help": {"text": r.help.trim()},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"pack": r.pack},
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in &report.files {
        let positions = super::positions(file);
        for (f, (start, end)) in file.scan.findings.iter().zip(positions) {
            let Some(index) = report.rules.rules().iter().position(|r| r.id == f.rule) else {
                continue;
            };
            let mut message = report.rules.rules()[index].message.clone();
            if let Some(c) = &f.client {
                message.push_str(&format!(" (client {c})"));
            }
            let mut region = json!({
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
            });
            if !report.redact {
                region["snippet"] = json!({"text": &file.text[f.span.range()]});
            }
            let mut result = json!({
                "ruleId": f.rule.as_str(),
                "ruleIndex": index,
                "level": if f.allowed_by.is_some() { "note" } else { level(f.severity) },
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&file.path)},
                        "region": region,
                    }
                }],
                "partialFingerprints": {"lipzipFinding/v1": file.fingerprint(f)},
            });
            if let Some(record) = &f.allowed_by {
                result["suppressions"] = json!([{
                    "kind": "external",
                    "justification": format!("written consent {record}"),
                }]);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lipzip",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/lipzip/lipzip",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// A relative path as a URI reference: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F")
}
