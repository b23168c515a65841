//! `lipzip lsp`: the language server. Editors underline a leak as it is typed.
//!
//! The same engine as `lipzip check`, compiled once per roster: the roster and `lipzip.yaml`
//! are found from the workspace folder (or `LIPZIP_ROSTER`), and reloaded when either changes.
//! Text sync is incremental; diagnostics are debounced so fast typing stays responsive, and
//! always computed for the latest version. A broken or missing roster is never a silent empty
//! list: every open document gets one diagnostic saying what is wrong, and the editor gets a
//! message. Diagnostics carry rule ids and client ids, never roster data.
//!
//! In this module the peer is "the editor"; `Client` means the practice's client.

mod convert;
mod transport;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, MarkupContent, MarkupKind, MessageType,
    NumberOrString, PositionEncodingKind, PublishDiagnosticsParams, Range, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri,
    WorkspaceEdit,
};

pub use convert::{Encoding, LineIndex};

use crate::date::Date;
use crate::document::{Channel, Document, front_matter};
use crate::finding::Finding;
use crate::markup::Markup;
use crate::roster::Roster;
use crate::rules::Severity;
use crate::scanner::Scanner;

/// How long typing must pause before a document is checked again.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The neutral phrase the quick fix puts in place of a leak.
pub const NEUTRAL: &str = crate::fix::NEUTRAL;

/// Runs the server on stdin/stdout until the editor says `exit`.
#[must_use]
pub fn run_stdio() -> u8 {
    let (connection, threads) = transport::stdio();
    let code = serve(&connection);
    drop(connection);
    threads.join();
    code
}

/// Serves one connection (stdio or in-memory, for tests); returns the process exit code:
/// 0 after `shutdown` then `exit`, 1 after `exit` alone, as the spec says.
#[must_use]
pub fn serve(connection: &Connection) -> u8 {
    let Some((id, params)) = wait_for_initialize(connection) else {
        return 1;
    };
    let encoding = negotiate(&params);
    let root = workspace_root(&params);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo { name: "lipzip".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    if connection
        .sender
        .send(Response::new_ok(id, result).into())
        .is_err()
    {
        return 1;
    }
    let mut server = Server {
        connection,
        encoding,
        root,
        engine: Err(String::new()),
        docs: HashMap::new(),
        pending: HashMap::new(),
        shutdown: false,
        next_id: 0,
    };
    server.reload();
    server.main_loop()
}

fn wait_for_initialize(connection: &Connection) -> Option<(RequestId, InitializeParams)> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(req) if req.method == "initialize" => {
                let params = serde_json::from_value(req.params).unwrap_or_default();
                return Some((req.id, params));
            }
            Message::Request(req) => {
                let resp = Response::new_err(
                    req.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized".into(),
                );
                connection.sender.send(resp.into()).ok()?;
            }
            Message::Notification(n) if n.method == "exit" => return None,
            _ => {}
        }
    }
}

/// UTF-8 when the editor offers it (fewer conversions), else the default UTF-16.
fn negotiate(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

#[allow(deprecated)] // root_uri and root_path still come from older editors.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| file_path(&f.uri))
        .or_else(|| params.root_uri.as_ref().and_then(file_path))
        .or_else(|| params.root_path.as_ref().map(PathBuf::from))
}

/// The path of a `file:` URI, percent-decoded.
#[must_use]
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
}

struct Open {
    text: String,
    /// How the document is written: from the editor's language id, else the file extension.
    markup: Markup,
    version: i32,
    index: LineIndex,
    findings: Vec<Finding>,
}

/// The engine and what it needs, or why it could not be loaded.
struct Engine {
    scanner: Scanner,
    config: crate::cli::LspConfig,
    watched: Vec<PathBuf>,
}

struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    root: Option<PathBuf>,
    engine: Result<Engine, String>,
    docs: HashMap<Uri, Open>,
    /// Documents changed since they were last checked, and when.
    pending: HashMap<Uri, Instant>,
    shutdown: bool,
    next_id: i32,
}

impl Server<'_> {
    fn main_loop(&mut self) -> u8 {
        loop {
            let msg = if self.pending.is_empty() {
                match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return 1,
                }
            } else {
                match self.connection.receiver.recv_timeout(DEBOUNCE) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        self.flush_pending();
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return 1,
                }
            };
            match msg {
                Message::Request(req) => self.request(req),
                Message::Notification(n) if n.method == "exit" => {
                    return if self.shutdown { 0 } else { 1 };
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, msg: Message) {
        let _ = self.connection.sender.send(msg);
    }

    fn request(&mut self, req: Request) {
        if self.shutdown {
            let resp = Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            );
            self.send(resp.into());
            return;
        }
        let resp = match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Response::new_ok(req.id, serde_json::Value::Null)
            }
            "textDocument/hover" => match serde_json::from_value::<HoverParams>(req.params) {
                Ok(p) => Response::new_ok(req.id, self.hover(&p)),
                Err(e) => invalid(req.id, &e),
            },
            "textDocument/codeAction" => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(p) => Response::new_ok(req.id, self.code_actions(&p)),
                    Err(e) => invalid(req.id, &e),
                }
            }
            other => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method {other}"),
            ),
        };
        self.send(resp.into());
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let doc = p.text_document;
                    let markup = markup_of(&doc.language_id, &doc.uri);
                    self.docs.insert(
                        doc.uri.clone(),
                        Open {
                            markup,
                            index: LineIndex::new(&doc.text),
                            text: doc.text,
                            version: doc.version,
                            findings: Vec::new(),
                        },
                    );
                    self.check(&doc.uri);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if let Some(open) = self.docs.get_mut(&uri) {
                        for change in p.content_changes {
                            open.index = match change.range {
                                Some(range) => convert::apply_edit(
                                    &mut open.text,
                                    &open.index,
                                    range,
                                    &change.text,
                                    self.encoding,
                                ),
                                None => {
                                    open.text = change.text;
                                    LineIndex::new(&open.text)
                                }
                            };
                        }
                        open.version = p.text_document.version;
                        self.pending.insert(uri, Instant::now());
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.docs.remove(&p.text_document.uri);
                    self.pending.remove(&p.text_document.uri);
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => {
                self.reload();
            }
            // Editors without file watching still tell us when lipzip.yaml or the roster is
            // saved from the editor.
            "textDocument/didSave" if self.is_watched(&n.params) => self.reload(),
            _ => {}
        }
    }

    fn is_watched(&self, params: &serde_json::Value) -> bool {
        let Some(uri) = params["textDocument"]["uri"]
            .as_str()
            .and_then(|u| u.parse::<Uri>().ok())
        else {
            return false;
        };
        let Some(path) = file_path(&uri) else {
            return false;
        };
        path.file_name().is_some_and(|n| n == "lipzip.yaml")
            || self
                .engine
                .as_ref()
                .is_ok_and(|e| e.watched.iter().any(|w| w == &path))
    }

    /// Loads config, roster and rules from the workspace, then re-checks every open document.
    fn reload(&mut self) {
        self.engine = load_engine(self.root.as_deref());
        if let Err(message) = &self.engine {
            self.send(
                Notification::new(
                    "window/showMessage".into(),
                    ShowMessageParams {
                        typ: MessageType::ERROR,
                        message: format!("lipzip: {message}"),
                    },
                )
                .into(),
            );
        } else {
            self.register_watchers();
        }
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in uris {
            self.check(&uri);
        }
    }

    fn register_watchers(&mut self) {
        let Ok(engine) = &self.engine else { return };
        let mut watchers = vec![serde_json::json!({"globPattern": "**/lipzip.yaml"})];
        watchers.extend(
            engine
                .watched
                .iter()
                .map(|p| serde_json::json!({"globPattern": p.display().to_string()})),
        );
        self.next_id += 1;
        let req = Request::new(
            RequestId::from(self.next_id),
            "client/registerCapability".into(),
            serde_json::json!({"registrations": [{
                "id": "lipzip-watch",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": {"watchers": watchers},
            }]}),
        );
        self.send(req.into());
    }

    fn flush_pending(&mut self) {
        let due: Vec<Uri> = self
            .pending
            .iter()
            .filter(|(_, t)| t.elapsed() >= DEBOUNCE)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.pending.remove(&uri);
            self.check(&uri);
        }
    }

    fn check(&mut self, uri: &Uri) {
        let encoding = self.encoding;
        let Some(open) = self.docs.get_mut(uri) else {
            return;
        };
        let version = Some(open.version);
        let too_large = (open.text.len() as u64 > crate::cli::MAX_DRAFT_BYTES).then(|| {
            format!(
                "larger than {} MiB, the limit for one draft: split it into the pieces you \
                 will publish",
                crate::cli::MAX_DRAFT_BYTES / 1024 / 1024
            )
        });
        let problem = match &self.engine {
            Err(message) => Some(message.clone()),
            Ok(_) => too_large,
        };
        let engine = match (&self.engine, problem) {
            (Ok(e), None) => e,
            (_, problem) => {
                let message = problem.unwrap_or_default();
                let diag = Diagnostic {
                    range: Range::default(),
                    severity: Some(DiagnosticSeverity::ERROR),
                    code: Some(NumberOrString::String("lipzip::setup".into())),
                    source: Some("lipzip".into()),
                    message: format!("lipzip cannot check this document: {message}"),
                    ..Diagnostic::default()
                };
                open.findings.clear();
                let uri = uri.clone();
                self.publish(uri, vec![diag], version);
                return;
            }
        };
        let path = file_path(uri);
        let channel = front_matter(&open.text)
            .ok()
            .and_then(|fm| fm.channel)
            .or_else(|| path.as_deref().and_then(|p| engine.config.channel_for(p)))
            .unwrap_or(Channel::Social);
        let scan = engine.scanner.scan(
            &Document::new(&open.text, channel).with_markup(open.markup),
            today(),
        );
        let offsets: Vec<usize> = scan
            .findings
            .iter()
            .flat_map(|f| [f.span.start, f.span.end])
            .collect();
        let positions = open.index.positions(&open.text, &offsets, encoding);
        let diagnostics = scan
            .findings
            .iter()
            .zip(positions.chunks_exact(2))
            .filter_map(|(f, p)| diagnostic(engine, f, Range::new(p[0], p[1])))
            .collect();
        open.findings = scan.findings;
        let uri = uri.clone();
        self.publish(uri, diagnostics, version);
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new("textDocument/publishDiagnostics".into(), params).into());
    }

    fn finding_at<'a>(&'a self, uri: &Uri, range: Range) -> Vec<(&'a Open, &'a Finding)> {
        let Some(open) = self.docs.get(uri) else {
            return Vec::new();
        };
        let start = open.index.offset(&open.text, range.start, self.encoding);
        let end = open.index.offset(&open.text, range.end, self.encoding);
        open.findings
            .iter()
            .filter(|f| f.span.start <= end && start <= f.span.end)
            .map(|f| (open, f))
            .collect()
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let pos = p.text_document_position_params.position;
        let uri = &p.text_document_position_params.text_document.uri;
        let engine = self.engine.as_ref().ok()?;
        let found = self.finding_at(uri, Range::new(pos, pos));
        let (open, f) = found.first()?;
        let rule = engine.scanner.rules().get(&f.rule)?;
        let mut md = format!("**lipzip · {}** — {}", rule.id, rule.message);
        if let Some(c) = &f.client {
            md.push_str(&format!(" (client `{c}`)"));
        }
        md.push_str(&format!("\n\n{}\n", rule.why.trim()));
        if !f.cues.is_empty() {
            let cues: Vec<String> = f
                .cues
                .iter()
                .map(|c| match &open.text[c.span.range()] {
                    "" => c.kind.to_owned(),
                    text => format!("{} “{}”", c.kind, text),
                })
                .collect();
            md.push_str(&format!("\n**Evidence:** {}\n", cues.join(" · ")));
        }
        if let Some(k) = f.k {
            md.push_str(&format!(
                "\n**Fits about:** {} {}\n",
                k.round().max(1.0),
                if k <= 1.5 { "person" } else { "people" }
            ));
        }
        md.push_str(&format!("\n**Discloses:** {}\n", f.disclosed));
        match &f.allowed_by {
            Some(k) => md.push_str(&format!("\n**Consent:** allowed by `{k}`\n")),
            None => {
                for (record, gap) in &f.consent_gaps {
                    md.push_str(&format!("\n**Consent `{record}`** does not count: {gap}\n"));
                }
                md.push_str(&format!("\n**Fix:** {}\n", rule.help.trim()));
            }
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: md,
            }),
            range: Some(open.index.range(&open.text, f.span, self.encoding)),
        })
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let mut actions = Vec::new();
        for (open, f) in self.finding_at(uri, p.range) {
            if !f.counts() {
                continue;
            }
            let range = open.index.range(&open.text, f.span, self.encoding);
            // The same edits as `check --fix`: case, possessive, markup kept; none for what
            // replacing words cannot fix.
            let scanner = self.engine.as_ref().ok().map(|e| &e.scanner);
            if let Some(Ok(edits)) =
                scanner.map(|sc| crate::fix::edits_for(&open.text, open.markup, f, sc))
            {
                let removes = edits.iter().all(|e| e.text.is_empty());
                let title = match edits.first() {
                    Some(e) if !removes => format!("Replace with “{}”", e.text),
                    _ => "Remove the hashtag".to_owned(),
                };
                let changes = edits
                    .into_iter()
                    .map(|e| TextEdit {
                        range: open.index.range(&open.text, e.span, self.encoding),
                        new_text: e.text,
                    })
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), changes)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
            let line_start = lsp_types::Position::new(range.start.line, 0);
            let line_text = open.text[open.index.offset(&open.text, line_start, self.encoding)..]
                .lines()
                .next()
                .unwrap_or("");
            let indent: String = line_text
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let directive = format!(
                "{indent}<!-- lipzip-ignore-next-line {}: reviewed, not a client leak because ... -->\n",
                f.rule
            );
            let insert = TextEdit {
                range: Range::new(line_start, line_start),
                new_text: directive,
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} on this line (say why)", f.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![insert])])),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            }));
        }
        actions
    }
}

/// How a document is written: the editor's language id (`markdown`, `html`, `plaintext`),
/// else the extension of its file, else plain text.
fn markup_of(language_id: &str, uri: &Uri) -> Markup {
    Markup::from_language_id(language_id)
        .unwrap_or_else(|| crate::cli::markup_of(file_path(uri).as_deref()))
}

fn invalid(id: RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        format!("invalid parameters: {e}"),
    )
}

/// Today's local date. jiff always prints `YYYY-MM-DD`, which always parses; were that ever
/// to fail, the epoch is the safe default: every consent record is then "not yet granted", so
/// findings block rather than pass.
fn today() -> Date {
    jiff::ZonedDateTime::now()
        .date()
        .to_string()
        .parse()
        .unwrap_or_else(|_| Date::new(1970, 1, 1).unwrap_or(Date::MIN))
}

fn diagnostic(engine: &Engine, f: &Finding, range: Range) -> Option<Diagnostic> {
    let rule = engine.scanner.rules().get(&f.rule)?;
    let severity = match (&f.allowed_by, f.severity) {
        (Some(_), _) | (None, Severity::Info) => DiagnosticSeverity::HINT,
        (None, Severity::Warn) => DiagnosticSeverity::WARNING,
        (None, Severity::Block) => DiagnosticSeverity::ERROR,
    };
    let mut message = rule.message.clone();
    if let Some(c) = &f.client {
        message.push_str(&format!(" (client {c})"));
    }
    if let Some(k) = &f.allowed_by {
        message.push_str(&format!(", allowed by consent {k}"));
    }
    Some(Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(rule.id.to_string())),
        source: Some("lipzip".into()),
        message,
        ..Diagnostic::default()
    })
}

fn load_engine(root: Option<&Path>) -> Result<Engine, String> {
    let config = crate::cli::lsp_config(root).map_err(|e| e.to_string())?;
    let roster_path = config.roster.clone().ok_or_else(|| {
        "no roster: set `roster:` in lipzip.yaml in the workspace, or LIPZIP_ROSTER".to_owned()
    })?;
    let text = crate::cli::read_text(
        &roster_path,
        crate::error::FileKind::Roster,
        crate::cli::MAX_ROSTER_BYTES,
    )
    .map_err(|e| e.to_string())?;
    let roster =
        Roster::from_yaml(&text, &roster_path.display().to_string()).map_err(|e| e.to_string())?;
    let rules = config.rules().map_err(|e| e.to_string())?;
    let scanner = Scanner::new(roster, rules).map_err(|e| e.to_string())?;
    let watched = vec![roster_path];
    Ok(Engine {
        scanner,
        config,
        watched,
    })
}
