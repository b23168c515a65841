//! The `lipzip` binary: everything happens in [`lipzip::cli::run`].
fn main() -> std::process::ExitCode {
    lipzip::cli::run()
}
