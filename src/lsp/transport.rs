//! The stdio transport: LSP's `Content-Length` framing around `lsp-server` messages.
//!
//! `lsp-server`'s own stdio reader ends the connection on the first malformed message, which
//! would leave the editor with a dead server. This reader answers a malformed message with a
//! JSON-RPC parse error and keeps going; everything else (message types, writing) is
//! `lsp-server`'s.

use std::io::{BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use lsp_server::{Connection, Message};

/// The threads behind a stdio connection; join them after the main loop ends.
pub(super) struct IoThreads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<()>,
}

impl IoThreads {
    /// Waits for both threads.
    pub(super) fn join(self) {
        let _ = self.reader.join();
        let _ = self.writer.join();
    }
}

enum Out {
    Message(Message),
    Raw(String),
}

/// A connection over stdin and stdout.
#[must_use]
pub(super) fn stdio() -> (Connection, IoThreads) {
    let (to_server, from_reader) = unbounded::<Message>();
    let (to_writer, from_server) = bounded::<Message>(0);
    let (raw_tx, raw_rx) = unbounded::<Out>();
    let raw_for_reader = raw_tx.clone();
    let reader = thread::spawn(move || read_loop(&to_server, &raw_for_reader));
    // Forward the server's messages into the writer's queue, so parse errors and messages
    // are written by one thread.
    let forward = thread::spawn(move || {
        for m in from_server {
            if raw_tx.send(Out::Message(m)).is_err() {
                break;
            }
        }
    });
    let writer = thread::spawn(move || {
        write_loop(&raw_rx);
        let _ = forward.join();
    });
    (
        Connection {
            sender: to_writer,
            receiver: from_reader,
        },
        IoThreads { reader, writer },
    )
}

fn read_loop(to_server: &Sender<Message>, raw: &Sender<Out>) {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    loop {
        match read_frame(&mut input) {
            Ok(None) => return,
            Ok(Some(body)) => match serde_json::from_slice::<Message>(&body) {
                Ok(msg) => {
                    let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                    if to_server.send(msg).is_err() || exit {
                        return;
                    }
                }
                Err(e) => {
                    let err = serde_json::json!({
                        "jsonrpc": "2.0",
                        "id": null,
                        "error": {"code": -32700, "message": format!("malformed message: {e}")},
                    });
                    let _ = raw.send(Out::Raw(err.to_string()));
                }
            },
            Err(_) => return,
        }
    }
}

/// One frame's body, `None` at end of input. A frame without a usable `Content-Length` is
/// skipped.
fn read_frame(input: &mut impl BufRead) -> std::io::Result<Option<Vec<u8>>> {
    loop {
        let mut length: Option<usize> = None;
        loop {
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let value = line
                .split_once(':')
                .filter(|(name, _)| name.eq_ignore_ascii_case("content-length"))
                .map(|(_, v)| v.trim().parse().ok());
            if let Some(v) = value {
                length = v;
            }
        }
        // Refuse absurd frames rather than allocate them.
        if let Some(n) = length.filter(|&n| n <= 64 * 1024 * 1024) {
            let mut body = vec![0; n];
            std::io::Read::read_exact(input, &mut body)?;
            return Ok(Some(body));
        }
    }
}

fn write_loop(out: &Receiver<Out>) {
    let stdout = std::io::stdout();
    for item in out {
        let mut w = stdout.lock();
        let ok = match item {
            Out::Message(m) => m.write(&mut w).is_ok(),
            Out::Raw(body) => write!(w, "Content-Length: {}\r\n\r\n{body}", body.len()).is_ok(),
        };
        if !ok || w.flush().is_err() {
            return;
        }
    }
}
