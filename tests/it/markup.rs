//! Markdown and HTML drafts: the prose is checked, markup is not, and every span points into
//! the file's original bytes.

use serde_json::Value;

use crate::support::{SECRETS, Workspace, repo_root};

/// `(rule, client, text, allowed_by)` of every finding of the first file.
fn all(json: &Value) -> Vec<(String, String, String, Option<String>)> {
    json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["client"].as_str().unwrap_or_default().to_owned(),
                f["text"].as_str().unwrap().to_owned(),
                f["allowed_by"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// Every finding's `span` slices the file to its `text`, and `line`/`column` agree.
fn spans_point_into(json: &Value, source: &str) {
    for f in json["files"][0]["findings"].as_array().unwrap() {
        let start = usize::try_from(f["span"]["start"].as_u64().unwrap()).unwrap();
        let end = usize::try_from(f["span"]["end"].as_u64().unwrap()).unwrap();
        assert_eq!(&source[start..end], f["text"].as_str().unwrap());
        let line = source[..start].matches('\n').count() + 1;
        let col = source[..start].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(
            (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
            (line as u64, col as u64)
        );
    }
}

fn mailchimp() -> String {
    std::fs::read_to_string(repo_root().join("tests/fixtures/mailchimp-newsletter.html")).unwrap()
}

#[test]
fn a_mailchimp_export_is_read_as_a_reader_sees_it() {
    let ws = Workspace::new();
    let html = mailchimp();
    ws.write("news.html", &html);
    let (code, json) = ws.check_json(&["--channel", "newsletter", "news.html"]);
    assert_eq!(code, 1);
    let found = all(&json);
    let want = [
        // The image's alt text, and its address.
        ("client-name", "C003", "Ian Gamble", None),
        ("client-name", "C003", "ian-gamble", None),
        // A name split by tags is one name; its span runs through the tags.
        ("client-name", "C001", "Mary</strong> <em>Jones", None),
        // Entities decoded: José Núñez, allowed by his newsletter consent.
        (
            "client-name",
            "C002",
            "Jos&eacute;&nbsp;N&uacute;&ntilde;ez",
            Some("K-002"),
        ),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(r, c, t, a)| {
            (
                (*r).to_owned(),
                (*c).to_owned(),
                (*t).to_owned(),
                a.map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(found, want);
    spans_point_into(&json, &html);
    // Names in <script>, <style> and comments are not published: not findings.
    for hidden in ["C005", "C007"] {
        assert!(
            !found.iter().any(|f| f.1 == hidden),
            "{hidden} in {found:?}"
        );
    }
}

#[test]
fn the_same_html_as_plain_text_would_find_what_a_reader_never_sees() {
    // The control for the test above: read as text, the script and the comment leak.
    let ws = Workspace::new();
    ws.write("news.txt", &mailchimp());
    let (_, json) = ws.check_json(&["--channel", "newsletter", "news.txt"]);
    let found = all(&json);
    assert!(found.iter().any(|f| f.1 == "C007"), "{found:?}");
    assert!(
        !found.iter().any(|f| f.2.contains("</strong>")),
        "{found:?}"
    );
}

#[test]
fn markdown_link_text_alt_text_addresses_and_code_are_read() {
    let ws = Workspace::new();
    let md = "---\nchannel: social\n---\n# After her massage\n\n\
              Thanks to [our favourite realtor](https://x.com/mary-jones \"profile\") for the review.\n\n\
              ![Ian Gamble on the table](/clients/iangamble.jpg)\n\n\
              Great session with **Thaddeus** Okafor.\n\n\
              ```\nMark Lindqvist booked again\n```\n";
    ws.write("post.md", md);
    let (code, json) = ws.check_json(&["post.md"]);
    assert_eq!(code, 1);
    let found = all(&json);
    let texts: Vec<(&str, &str)> = found
        .iter()
        .filter(|f| f.0.starts_with("client-"))
        .map(|f| (f.1.as_str(), f.2.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("C001", "mary-jones"),
            ("C003", "Ian Gamble"),
            ("C003", "iangamble"),
            ("C005", "Thaddeus** Okafor"),
            ("C007", "Mark Lindqvist"),
        ]
    );
    spans_point_into(&json, md);
}

#[test]
fn plain_text_addresses_are_words_too() {
    let ws = Workspace::new();
    ws.write(
        "post.txt",
        "Loved her massage today, see www.instagram.com/ian_gamble for photos",
    );
    let (_, json) = ws.check_json(&["post.txt"]);
    let found = all(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].1.as_str(), found[0].2.as_str()),
        ("C003", "ian_gamble")
    );
}

#[test]
fn html_suppressions_and_crlf_keep_working() {
    let ws = Workspace::new();
    let html = "<p>Her massage went well.</p>\r\n\
                <!-- lipzip-ignore-next-line client-name: she asked to be thanked by name -->\r\n\
                <p>Thanks <b>Mary</b> Jones!</p>\r\n\
                <p>Ian <i>Gamble</i> came in for a massage too.</p>\r\n";
    ws.write("a.htm", html);
    let (code, json) = ws.check_json(&["a.htm"]);
    assert_eq!(code, 1);
    let found = all(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "Ian <i>Gamble");
    assert_eq!(json["summary"]["suppressed"], 1);
    spans_point_into(&json, html);
}

#[test]
fn reports_of_markup_never_show_roster_data() {
    let ws = Workspace::new();
    let html = mailchimp();
    ws.write("news.html", &html);
    for format in ["human", "json", "sarif", "github"] {
        let out = ws
            .lipzip()
            .args(["check", "--roster", "roster.yaml", "--today", "2026-11-22"])
            .args(["--format", format, "news.html"])
            .output()
            .unwrap();
        let all = String::from_utf8_lossy(&out.stdout);
        for secret in SECRETS.iter().filter(|s| !html.contains(**s)) {
            assert!(!all.contains(secret), "{format} leaks {secret}");
        }
    }
}
