//! The language server, in process over `Connection::memory()`, over stdio, and driven by a
//! real editor (headless Neovim).

use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

use crate::support::{SECRETS, Workspace};

struct Session {
    editor: Connection,
    server: Option<std::thread::JoinHandle<u8>>,
    next: i32,
    /// Messages the server sent that a test did not wait for yet.
    backlog: Vec<Message>,
}

fn uri(ws: &Workspace, rel: &str) -> String {
    format!("file://{}", ws.path(rel).display())
}

impl Session {
    fn start(ws: &Workspace, capabilities: Value) -> (Session, Value) {
        let (server_side, editor) = Connection::memory();
        let server = std::thread::spawn(move || lipzip::lsp::serve(&server_side));
        let mut s = Session {
            editor,
            server: Some(server),
            next: 0,
            backlog: Vec::new(),
        };
        let result = s.request(
            "initialize",
            json!({"processId": null, "rootUri": uri(ws, ""), "capabilities": capabilities}),
        );
        s.notify("initialized", json!({}));
        (s, result)
    }

    fn notify(&self, method: &str, params: Value) {
        self.editor
            .sender
            .send(Notification::new(method.into(), params).into())
            .unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.editor
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .unwrap();
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => {
                    return match r.response_result {
                        Ok(v) => v,
                        Err(e) => json!({"error": {"code": e.code, "message": e.message}}),
                    };
                }
                other => self.backlog.push(other),
            }
        }
    }

    fn recv(&self) -> Message {
        self.editor
            .receiver
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers")
    }

    /// The next notification with this method (earlier ones of other kinds are kept).
    fn wait(&mut self, method: &str) -> Value {
        if let Some(i) = self
            .backlog
            .iter()
            .position(|m| matches!(m, Message::Notification(n) if n.method == method))
            && let Message::Notification(n) = self.backlog.remove(i)
        {
            return n.params;
        }
        loop {
            match self.recv() {
                Message::Notification(n) if n.method == method => return n.params,
                Message::Request(r) if r.method == "client/registerCapability" => {
                    let ok = lsp_server::Response::new_ok(r.id, Value::Null);
                    self.editor.sender.send(ok.into()).unwrap();
                }
                other => self.backlog.push(other),
            }
        }
    }

    fn stop(mut self) -> u8 {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }
}

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("lipzip.yaml", "roster: roster.yaml\n");
    ws
}

fn open(s: &Session, ws: &Workspace, rel: &str, text: &str) {
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(ws, rel), "languageId": "markdown", "version": 1, "text": text}}),
    );
}

#[test]
fn diagnostics_have_exact_utf16_ranges_rule_codes_and_no_roster_data() {
    let ws = workspace();
    let (mut s, init) = Session::start(&ws, json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    // 💆‍♀️ is 5 UTF-16 units, 👍🏽 4, é (e + U+0301) 2.
    let text = "Hi\r\n💆‍♀️ 👍🏽 e\u{301} @maryj came in for a massage";
    open(&s, &ws, "post.md", text);
    let diags = s.wait("textDocument/publishDiagnostics");
    let d = &diags["diagnostics"][0];
    assert_eq!(d["range"]["start"], json!({"line": 1, "character": 14}));
    assert_eq!(d["range"]["end"], json!({"line": 1, "character": 20}));
    assert_eq!(
        (
            d["code"].as_str(),
            d["source"].as_str(),
            d["severity"].as_u64()
        ),
        (Some("client-handle"), Some("lipzip"), Some(1))
    );
    let all = diags.to_string();
    for secret in SECRETS.iter().filter(|x| !text.contains(**x)) {
        assert!(!all.contains(secret), "diagnostics leak {secret}");
    }
    assert_eq!(s.stop(), 0);
}

#[test]
fn utf8_is_used_when_offered() {
    let ws = workspace();
    let (mut s, init) = Session::start(
        &ws,
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    open(&s, &ws, "post.md", "💆‍♀️ Mary Jones came in for a massage");
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(
        diags["diagnostics"][0]["range"]["start"]["character"],
        "💆‍♀️ ".len()
    );
    s.stop();
}

#[test]
fn incremental_edits_relint_the_latest_version_and_close_clears() {
    let ws = workspace();
    let (mut s, _) = Session::start(&ws, json!({}));
    let u = uri(&ws, "post.md");
    open(&s, &ws, "post.md", "Book now!\n");
    assert_eq!(
        s.wait("textDocument/publishDiagnostics")["diagnostics"],
        json!([])
    );
    // Type a leak one keystroke at a time, fast: only the latest version is checked.
    let typed = "Mary Jones came in for a massage";
    for (i, ch) in typed.chars().enumerate() {
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": u, "version": i + 2},
                   "contentChanges": [{"range": {"start": {"line": 1, "character": i}, "end": {"line": 1, "character": i}}, "text": ch.to_string()}]}),
        );
    }
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(diags["version"], typed.len() + 1);
    assert_eq!(diags["diagnostics"][0]["code"], "client-name");
    // An edit out of range is clamped, not a crash.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 99},
               "contentChanges": [{"range": {"start": {"line": 50, "character": 0}, "end": {"line": 60, "character": 9}}, "text": "!"}]}),
    );
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(diags["version"], 99);
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    assert_eq!(
        s.wait("textDocument/publishDiagnostics")["diagnostics"],
        json!([])
    );
    s.stop();
}

#[test]
fn code_actions_and_hover() {
    let ws = workspace();
    let (mut s, _) = Session::start(&ws, json!({}));
    let u = uri(&ws, "post.md");
    open(
        &s,
        &ws,
        "post.md",
        "Thanks Mary Jones, see you at your next session!\n",
    );
    let diags = s.wait("textDocument/publishDiagnostics");
    let range = diags["diagnostics"][0]["range"].clone();
    let actions = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": range, "context": {"diagnostics": diags["diagnostics"]}}),
    );
    let edit = &actions[0]["edit"]["changes"][&u][0];
    assert_eq!(edit["newText"], "a client");
    assert_eq!(edit["range"], range);
    let suppress = &actions[1]["edit"]["changes"][&u][0];
    assert!(
        suppress["newText"]
            .as_str()
            .unwrap()
            .starts_with("<!-- lipzip-ignore-next-line client-name: ")
    );
    let hover = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 9}}),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("client-name") && md.contains("C001") && md.contains("Discloses"),
        "{md}"
    );
    s.stop();
}

/// Every file under `dir`: its bytes, permissions and modification time.
fn snapshot(
    dir: &std::path::Path,
) -> std::collections::BTreeMap<
    std::path::PathBuf,
    (Vec<u8>, std::fs::Permissions, std::time::SystemTime),
> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path.clone());
            }
            let bytes = if meta.is_file() {
                std::fs::read(&path).unwrap()
            } else {
                Vec::new()
            };
            out.insert(path, (bytes, meta.permissions(), meta.modified().unwrap()));
        }
    }
    out
}

#[test]
fn a_session_writes_no_file_and_edits_only_the_document_asked_about() {
    let ws = workspace();
    let outside = tempfile::tempdir().unwrap();
    let post = "Thanks Mary Jones, see you at your next session!\n";
    ws.write("post.md", post);
    ws.write("notes/other.md", "Ian Gamble came in for a massage\n");
    std::fs::write(
        outside.path().join("far.md"),
        "Pepe came in for a massage\n",
    )
    .unwrap();
    let before = (snapshot(ws.dir.path()), snapshot(outside.path()));
    let (mut s, _) = Session::start(&ws, json!({}));
    let u = uri(&ws, "post.md");
    let far = format!("file://{}", outside.path().join("far.md").display());
    let sneaky = format!(
        "file://{}/../{}/far.md",
        ws.dir.path().display(),
        outside.path().display()
    );
    open(&s, &ws, "post.md", post);
    s.wait("textDocument/publishDiagnostics");
    for (doc, text) in [
        (&far, "Pepe came in for a massage\n"),
        (&sneaky, "Mary Jones came in\n"),
    ] {
        s.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": doc, "languageId": "markdown", "version": 1, "text": text}}),
        );
        s.wait("textDocument/publishDiagnostics");
    }
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 6}}, "text": "Bye"}]}),
    );
    let diags = s.wait("textDocument/publishDiagnostics");
    let mut said = diags.to_string();
    // Every code action on every diagnostic edits this document and nothing else.
    for d in diags["diagnostics"].as_array().unwrap() {
        let actions = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": d["range"], "context": {"diagnostics": [d]}}),
        );
        said.push_str(&actions.to_string());
        for a in actions.as_array().unwrap() {
            let changes = a["edit"]["changes"].as_object().unwrap();
            assert_eq!(changes.keys().collect::<Vec<_>>(), [&u], "{a}");
            assert!(a["edit"].get("documentChanges").is_none(), "{a}");
        }
    }
    let hover = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 8}}),
    );
    said.push_str(&hover.to_string());
    assert!(said.contains("C001"), "{said}");
    for secret in SECRETS.iter().filter(|x| !post.contains(**x)) {
        assert!(!said.contains(secret), "the session leaks {secret}: {said}");
    }
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": u}}));
    s.notify("workspace/didChangeConfiguration", json!({"settings": {}}));
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    s.wait("textDocument/publishDiagnostics");
    assert_eq!(s.stop(), 0);
    let after = (snapshot(ws.dir.path()), snapshot(outside.path()));
    assert!(before == after, "the language server changed files on disk");
}

#[test]
fn a_long_line_full_of_names_gets_exact_ranges() {
    let ws = workspace();
    let (mut s, _) = Session::start(&ws, json!({}));
    let unit = "Mary Jones came in for a massage. ";
    let text = unit.repeat(10_000);
    open(&s, &ws, "line.md", &text);
    let diags = s.wait("textDocument/publishDiagnostics");
    let all = diags["diagnostics"].as_array().unwrap();
    assert_eq!(all.len(), 10_000);
    for (i, d) in all.iter().enumerate() {
        let start = i * unit.len();
        assert_eq!(
            (&d["range"]["start"], &d["range"]["end"]),
            (
                &json!({"line": 0, "character": start}),
                &json!({"line": 0, "character": start + 10})
            )
        );
    }
    s.stop();
}

#[test]
fn a_document_over_the_draft_limit_is_one_clear_diagnostic() {
    let ws = workspace();
    let (mut s, _) = Session::start(&ws, json!({}));
    let u = uri(&ws, "huge.md");
    let text = format!(
        "Mary Jones came in for a massage.\n{}",
        "x".repeat(65 * 1024 * 1024)
    );
    open(&s, &ws, "huge.md", &text);
    let diags = s.wait("textDocument/publishDiagnostics");
    let all = diags["diagnostics"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0]["message"].as_str().unwrap().contains("64 MiB"),
        "{all:?}"
    );
    // Cut back under the limit: checked again.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 2, "character": 0}}, "text": ""}]}),
    );
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(diags["diagnostics"][0]["code"], "client-name");
    s.stop();
}

#[test]
fn html_is_read_as_its_prose_by_language_id_or_extension() {
    let ws = workspace();
    let (mut s, _) = Session::start(&ws, json!({"general": {"positionEncodings": ["utf-8"]}}));
    // By language id: a name split by tags is one finding; one in a script is none.
    let html = "<p>Thanks <b>Mary</b> <i>Jones</i>, see you at your next massage!</p>\n\
                <script>var x = 'Ian Gamble';</script>\n";
    let u = uri(&ws, "news.html");
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u, "languageId": "html", "version": 1, "text": html}}),
    );
    let diags = s.wait("textDocument/publishDiagnostics");
    let list = diags["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{diags}");
    let start = html.find("Mary").unwrap();
    let end = html.find("Jones").unwrap() + "Jones".len();
    assert_eq!(list[0]["range"]["start"]["character"], start);
    assert_eq!(list[0]["range"]["end"]["character"], end);
    // The quick fix keeps the tags.
    let actions = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": list[0]["range"], "context": {"diagnostics": list}}),
    );
    let edits = actions[0]["edit"]["changes"][&u].as_array().unwrap();
    let texts: Vec<&str> = edits
        .iter()
        .map(|e| e["newText"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["a client", "", ""]);
    // An unknown language id falls back to the extension; the same text in a .txt file is
    // read as written: the name in the script is found, the one split by tags is not.
    let t = uri(&ws, "news.txt");
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": t, "languageId": "something", "version": 1, "text": html}}),
    );
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(diags["uri"], t);
    let list = diags["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{diags}");
    assert!(
        list[0]["message"].as_str().unwrap().contains("C003"),
        "{diags}"
    );
    s.stop();
}

#[test]
fn a_broken_roster_is_one_clear_diagnostic_and_a_fix_reloads() {
    let ws = workspace();
    ws.write("roster.yaml", "version: 1\nclients: [oops\n");
    let (mut s, _) = Session::start(&ws, json!({}));
    let msg = s.wait("window/showMessage");
    assert!(msg["message"].as_str().unwrap().contains("roster"), "{msg}");
    open(&s, &ws, "post.md", "Mary Jones came in for a massage");
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(diags["diagnostics"].as_array().unwrap().len(), 1);
    assert!(
        diags["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("cannot check")
    );
    ws.write("roster.yaml", crate::support::ROSTER);
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&ws, "roster.yaml"), "type": 2}]}),
    );
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(diags["diagnostics"][0]["code"], "client-name");
    s.stop();
}

#[test]
fn unknown_methods_big_documents_and_exit_without_shutdown() {
    let ws = workspace();
    let (mut s, _) = Session::start(&ws, json!({}));
    let r = s.request("textDocument/whatever", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    let mut big = "Book a massage today. ".repeat(2 * 1024 * 1024 / 22);
    big.push_str("\nMary Jones came in for a massage");
    open(&s, &ws, "big.md", &big);
    let diags = s.wait("textDocument/publishDiagnostics");
    assert_eq!(diags["diagnostics"][0]["code"], "client-name");
    s.notify("exit", Value::Null);
    assert_eq!(
        s.server.take().unwrap().join().unwrap(),
        1,
        "exit without shutdown is 1"
    );
}

#[test]
fn stdio_survives_malformed_json() {
    use std::io::{BufRead, BufReader, Read, Write};
    let ws = workspace();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lipzip"))
        .arg("lsp")
        .current_dir(ws.dir.path())
        .env_remove("LIPZIP_ROSTER")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut send = |body: &str| {
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    };
    let mut read = || -> Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            out.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some(v) = line.trim().strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        out.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    };
    send("{this is not json");
    assert_eq!(read()["error"]["code"], -32700);
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": uri(&ws, ""), "capabilities": {}}});
    send(&init.to_string());
    assert_eq!(
        read()["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    send(&json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}).to_string());
    loop {
        if read()["id"] == 2 {
            break;
        }
    }
    send(&json!({"jsonrpc": "2.0", "method": "exit"}).to_string());
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

/// Headless Neovim (Debian's `neovim`, installed by `.ci/run`) as a real LSP client: it opens
/// a draft, and the diagnostic it receives must sit at the exact place.
#[test]
fn neovim_shows_the_diagnostic_at_the_exact_position() {
    let Ok(nvim) = which("nvim") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have nvim: .ci/run installs it"
        );
        eprintln!("nvim not installed: skipping the editor test (apt-get install neovim)");
        return;
    };
    let ws = workspace();
    ws.write(
        "post.md",
        "Hello 💆‍♀️ friends\nThanks Mary Jones, see you at your next session!\n",
    );
    let out_file = ws.path("nvim-out.txt");
    // Neovim 0.7 (Debian bookworm) has start_client, not vim.lsp.start; any error still quits.
    let lua = format!(
        r#"
local out = "{out}"
local ok, err = pcall(function()
  local id = vim.lsp.start_client({{ name = "lipzip", cmd = {{ "{bin}", "lsp" }}, root_dir = "{root}" }})
  vim.lsp.buf_attach_client(0, id)
  local got = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  local f = io.open(out, "w")
  if got then
    local d = vim.diagnostic.get(0)[1]
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    f:write(string.format("%d:%d:%d:%d:%s:%s", d.lnum, d.col, d.end_lnum, d.end_col, code, d.source))
  else
    f:write("timeout")
  end
  f:close()
end)
if not ok then
  local f = io.open(out, "w")
  f:write("error: " .. tostring(err))
  f:close()
end
vim.cmd("qa!")
"#,
        out = out_file.display(),
        bin = env!("CARGO_BIN_EXE_lipzip"),
        root = ws.dir.path().display(),
    );
    ws.write("test.lua", &lua);
    let mut child = std::process::Command::new(nvim)
        .current_dir(ws.dir.path())
        .env_remove("LIPZIP_ROSTER")
        .args([
            "--headless",
            "-n",
            "-u",
            "NONE",
            "-c",
            "luafile test.lua",
            "post.md",
        ])
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish in 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let got = std::fs::read_to_string(out_file).unwrap();
    // Neovim reports byte columns (it converts from UTF-16 itself): line 2, "Mary Jones".
    assert_eq!(got, "1:7:1:17:client-name:lipzip");
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        })
        .ok_or(())
}
