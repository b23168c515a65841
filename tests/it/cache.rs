//! The compiled-roster cache: private, keyed by content, never stale, never required.

use crate::support::Workspace;

fn cache_files(ws: &Workspace) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(ws.path(".cache"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

fn check(ws: &Workspace) -> i32 {
    ws.check()
        .arg("d.md")
        .output()
        .unwrap()
        .status
        .code()
        .unwrap()
}

#[test]
fn cache_is_owner_only_follows_the_roster_and_survives_corruption() {
    let ws = Workspace::new();
    ws.write("d.md", "Mary Jones came in for a massage");
    assert_eq!(check(&ws), 1);
    let files = cache_files(&ws);
    assert_eq!(files.len(), 1, "{files:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::fs::metadata(ws.path(".cache"))
            .unwrap()
            .permissions()
            .mode();
        let file = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!((dir & 0o777, file & 0o777), (0o700, 0o600));
    }
    // Same roster: same answer from the cache.
    assert_eq!(check(&ws), 1);
    // A changed roster misses the cache and replaces the old file: Mary is gone.
    let roster = std::fs::read_to_string(ws.path("roster.yaml")).unwrap();
    ws.write(
        "roster.yaml",
        &roster.replace("name: Mary Jones", "name: Maria Lopez"),
    );
    ws.write("d.md", "Mary Jones came in for a massage");
    assert_eq!(check(&ws), 0);
    let now = cache_files(&ws);
    assert_eq!(now.len(), 1);
    assert_ne!(now[0], files[0]);
    // A corrupt cache file is ignored, and a broken roster is still an error.
    std::fs::write(&now[0], b"garbage").unwrap();
    ws.write("d.md", "Maria Lopez came in for a massage");
    assert_eq!(check(&ws), 1);
    ws.write("roster.yaml", "version: 1\nclients: [");
    assert_eq!(check(&ws), 2);
}

#[test]
fn no_cache_writes_nothing() {
    let ws = Workspace::new();
    ws.write("d.md", "hello");
    let out = ws
        .lipzip()
        .args(["check", "--no-cache", "--roster", "roster.yaml", "d.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(cache_files(&ws).is_empty());
}

#[cfg(unix)]
#[test]
fn a_cache_others_could_write_to_is_not_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    ws.write("d.md", "Mary Jones came in for a massage");
    assert_eq!(check(&ws), 1);
    let slot = cache_files(&ws).remove(0);
    // The compiled form of a roster without Mary, planted in the real roster's slot.
    let roster = std::fs::read_to_string(ws.path("roster.yaml")).unwrap();
    std::fs::rename(ws.path("roster.yaml"), ws.path("real.yaml")).unwrap();
    ws.write(
        "roster.yaml",
        &roster.replace("name: Mary Jones", "name: Maria Lopez"),
    );
    assert_eq!(check(&ws), 0);
    let planted = std::fs::read(cache_files(&ws).remove(0)).unwrap();
    std::fs::rename(ws.path("real.yaml"), ws.path("roster.yaml")).unwrap();
    std::fs::write(&slot, &planted).unwrap();
    let dir = ws.path(".cache");
    // Only its owner could have planted it in an owner-only directory: it is read (this is
    // what the cache is for, and shows the plant works).
    assert_eq!(check(&ws), 0);
    // In a directory anyone may write to, it is ignored and the roster compiled afresh.
    std::fs::write(&slot, &planted).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    assert_eq!(check(&ws), 1);
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "made owner-only again");
}
