//! The project's architecture rules, checked by reading the source files (plain std: a
//! small hand-written scanner blanks comments and string literals, and leaves out test
//! code, so only the shipped code is judged):
//!
//! - the core never touches the browser;
//! - only `src/persistence.rs` touches browser storage;
//! - nothing imports the app's root component (`src/components/app.rs`);
//! - the core holds no user-visible English (the app words everything);
//! - the result-code format is pinned by fixed vectors in `core/src/code.rs`;
//! - there are no circles between the files of the app, nor between those of the core.

// Every dependency of the package is visible here, and none is needed.
#![allow(unused_crate_dependencies)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------
// Reading and scanning source files
// ---------------------------------------------------------------------------------------

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir` (relative to the package), as package-relative paths
/// with `/` separators, sorted.
fn rust_files(dir: &str) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let rel = path.strip_prefix(base).unwrap();
                let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
                out.push(parts.join("/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &root().join(dir), &mut out);
    out.sort();
    assert!(!out.is_empty(), "no Rust files under {dir}");
    out
}

fn read(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A string literal outside comments: where it starts and its text between the quotes.
struct Literal {
    start: usize,
    text: String,
}

/// One source file, scanned. `no_comments` and `code` keep every byte offset (and so
/// every line) of the original: blanked text becomes spaces, line breaks stay.
struct Source {
    path: String,
    /// The file with comments blanked.
    no_comments: String,
    /// The file with comments and the contents of string and char literals blanked.
    code: String,
    strings: Vec<Literal>,
    line_starts: Vec<usize>,
    /// Modules this file declares in other files (`mod x;`), and whether each is
    /// compiled only for tests (`#[cfg(test)]`) or for tests and test support
    /// (`#[cfg(any(test, ...))]`).
    children: Vec<(String, Compiled)>,
    /// The whole file is `#![cfg(test)]`.
    test_only: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Compiled {
    Always,
    /// `#[cfg(test)]`
    TestOnly,
    /// `#[cfg(any(test, ...))]`: test code that a feature can also switch on.
    TestSupport,
}

impl Source {
    fn read(path: &str) -> Source {
        let text = read(path);
        let (no_comments, code, strings) = scan(&text);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut source = Source {
            path: path.to_owned(),
            no_comments,
            code,
            strings,
            line_starts,
            children: Vec::new(),
            test_only: false,
        };
        source.leave_out_test_code();
        source
    }

    /// 1-based line number of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    fn at(&self, offset: usize) -> String {
        format!("{}:{}", self.path, self.line(offset))
    }

    /// Blanks every item under `#[cfg(test)]` (in practice the `mod tests { ... }` at
    /// the end of a file), drops its string literals, and records which `mod x;`
    /// declarations are test code.
    fn leave_out_test_code(&mut self) {
        let code = self.code.clone();
        let bytes = code.as_bytes();
        let mut blank = Vec::new();
        let mut from = 0;
        while let Some(found) = code[from..].find('#') {
            let start = from + found;
            from = start + 1;
            let mut i = start + 1;
            let inner = bytes.get(i) == Some(&b'!');
            if inner {
                i += 1;
            }
            i = skip_space(bytes, i);
            if bytes.get(i) != Some(&b'[') {
                continue;
            }
            let close = matching(bytes, i);
            let attr: String = code[i + 1..close].split_whitespace().collect();
            let compiled = match attr.as_str() {
                "cfg(test)" => Compiled::TestOnly,
                a if a.starts_with("cfg(any(test,") => Compiled::TestSupport,
                a if a.starts_with("cfg(") => Compiled::Always,
                _ => continue,
            };
            if inner {
                self.test_only |= compiled == Compiled::TestOnly;
                continue;
            }
            // The item the attribute is on: skip further attributes, then read to its
            // `;` or to the `}` that closes its body.
            let mut j = skip_space(bytes, close + 1);
            while bytes.get(j) == Some(&b'#') {
                let open = skip_space(bytes, j + 1);
                j = skip_space(bytes, matching(bytes, open) + 1);
            }
            let item_start = j;
            let mut depth = 0usize;
            let end = loop {
                match bytes.get(j) {
                    None => break bytes.len(),
                    Some(b'{' | b'(' | b'[') => depth += 1,
                    Some(b'}' | b')' | b']') => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 && bytes[j] == b'}' {
                            break j + 1;
                        }
                    }
                    Some(b';') if depth == 0 => break j + 1,
                    _ => {}
                }
                j += 1;
            };
            let words: Vec<&str> = code[item_start..end]
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ';'))
                .filter(|w| !w.is_empty())
                .collect();
            let module = match words.as_slice() {
                ["mod", name, ..] | ["pub", "mod", name, ..] | ["pub", _, "mod", name, ..] => {
                    Some(name.trim_end_matches(';'))
                }
                _ => None,
            };
            if let Some(name) = module {
                if code[item_start..end].trim_end().ends_with(';') {
                    self.children.push((name.to_owned(), compiled));
                }
            }
            if compiled == Compiled::TestOnly {
                blank.push((start, end));
                from = end;
            }
        }
        // Plain `mod x;` declarations (those under a cfg were recorded above).
        for name in module_declarations(&code) {
            if !self.children.iter().any(|(n, _)| *n == name) {
                self.children.push((name, Compiled::Always));
            }
        }
        for (start, end) in blank {
            blank_range(&mut self.code, start, end);
            blank_range(&mut self.no_comments, start, end);
            self.strings.retain(|s| s.start < start || s.start >= end);
        }
    }
}

/// The names of `mod x;` declarations (any visibility).
fn module_declarations(code: &str) -> Vec<String> {
    let tokens = tokens(code);
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.text == "mod" {
            if let (Some(name), Some(semi)) = (tokens.get(k + 1), tokens.get(k + 2)) {
                if semi.text == ";" && is_ident(name.text) {
                    out.push(name.text.to_owned());
                }
            }
        }
    }
    out
}

fn blank_range(text: &mut String, start: usize, end: usize) {
    let mut bytes = std::mem::take(text).into_bytes();
    for b in &mut bytes[start..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    *text = String::from_utf8(bytes).expect("blanking keeps UTF-8");
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The offset of the bracket closing the one at `open` (in text without comments and
/// literals), or the end of the text.
fn matching(bytes: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'{' | b'(' | b'[' => depth += 1,
            b'}' | b')' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// Scans Rust source: returns it with comments blanked, with comments and literal
/// contents blanked, and the string literals (plain, byte and raw) outside comments.
fn scan(src: &str) -> (String, String, Vec<Literal>) {
    let bytes = src.as_bytes();
    let mut no_comments = bytes.to_vec();
    let mut code = bytes.to_vec();
    let mut strings = Vec::new();
    let blank = |buf: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut buf[from..to.min(bytes.len())] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        if b == b'/' && next == Some(b'/') {
            let end = src[i..].find('\n').map_or(bytes.len(), |n| i + n);
            blank(&mut no_comments, i, end);
            blank(&mut code, i, end);
            i = end;
        } else if b == b'/' && next == Some(b'*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < bytes.len() && depth > 0 {
                if bytes[j] == b'/' && bytes.get(j + 1) == Some(&b'*') {
                    depth += 1;
                    j += 2;
                } else if bytes[j] == b'*' && bytes.get(j + 1) == Some(&b'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut no_comments, i, j);
            blank(&mut code, i, j);
            i = j;
        } else if b == b'r'
            && (i == 0
                || !ident(bytes[i - 1])
                || (bytes[i - 1] == b'b' && (i < 2 || !ident(bytes[i - 2]))))
            && matches!(next, Some(b'"' | b'#'))
        {
            // A raw string r"…", r#"…"#, br"…": or an identifier such as r#type.
            let hashes = bytes[i + 1..].iter().take_while(|&&c| c == b'#').count();
            let open = i + 1 + hashes;
            if bytes.get(open) != Some(&b'"') {
                i += 1;
                continue;
            }
            let closing = format!("\"{}", "#".repeat(hashes));
            let close = src[open + 1..]
                .find(&closing)
                .map_or(bytes.len(), |n| open + 1 + n);
            strings.push(Literal {
                start: i,
                text: src[open + 1..close].to_owned(),
            });
            blank(&mut code, open + 1, close);
            i = close + closing.len();
        } else if b == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let close = j.min(bytes.len());
            strings.push(Literal {
                start: i,
                text: src[i + 1..close].to_owned(),
            });
            blank(&mut code, i + 1, close);
            i = close + 1;
        } else if b == b'\'' {
            // A char literal ('x', '\'', '\u{..}', 'é') or a lifetime/label ('a).
            if next == Some(b'\\') {
                let close = src
                    .get(i + 3..)
                    .and_then(|rest| rest.find('\''))
                    .map_or(bytes.len(), |n| i + 3 + n);
                blank(&mut code, i + 1, close);
                i = close + 1;
            } else if let Some(c) = src[i + 1..].chars().next() {
                let after = i + 1 + c.len_utf8();
                if bytes.get(after) == Some(&b'\'') {
                    blank(&mut code, i + 1, after);
                    i = after + 1;
                } else {
                    i += 1;
                }
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    let text = |v: Vec<u8>| String::from_utf8(v).expect("blanking keeps UTF-8");
    (text(no_comments), text(code), strings)
}

struct Token<'a> {
    text: &'a str,
    start: usize,
}

/// Identifiers, `::` and single punctuation characters of code (no comments, no literals).
fn tokens(code: &str) -> Vec<Token<'_>> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
        } else if b.is_ascii_alphanumeric() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push(Token {
                text: &code[start..i],
                start,
            });
        } else if b == b':' && bytes.get(i + 1) == Some(&b':') {
            out.push(Token {
                text: "::",
                start: i,
            });
            i += 2;
        } else {
            let len = code[i..].chars().next().map_or(1, char::len_utf8);
            out.push(Token {
                text: &code[i..i + len],
                start: i,
            });
            i += len;
        }
    }
    out
}

fn is_ident(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
}

/// The files of a crate whose sources are under `dir`, scanned; files declared as
/// test-only modules (`#[cfg(test)] mod x;`) are left out, and with
/// `without_test_support` also those declared `#[cfg(any(test, ...))]`.
fn crate_sources(dir: &str, without_test_support: bool) -> Vec<Source> {
    let all: Vec<Source> = rust_files(dir).iter().map(|p| Source::read(p)).collect();
    let mut left_out = BTreeSet::new();
    for source in &all {
        let module = module_of(dir, &source.path);
        for (child, compiled) in &source.children {
            let leave_out = match compiled {
                Compiled::Always => false,
                Compiled::TestOnly => true,
                Compiled::TestSupport => without_test_support,
            };
            if leave_out {
                let mut path = module.clone();
                path.push(child.clone());
                left_out.extend(file_of(dir, &path));
            }
        }
    }
    all.into_iter()
        .filter(|s| !s.test_only && !left_out.contains(&s.path))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Modules and files
// ---------------------------------------------------------------------------------------

/// The module path of a file: `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`, `src/lib.rs`
/// is the crate root.
fn module_of(dir: &str, path: &str) -> Vec<String> {
    let rel = path
        .strip_prefix(dir)
        .and_then(|p| p.strip_prefix('/'))
        .unwrap_or_else(|| panic!("{path} is not under {dir}"));
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    let last = parts.last().map(String::as_str);
    if last == Some("mod") || (parts.len() == 1 && matches!(last, Some("lib" | "main"))) {
        parts.pop();
    }
    parts
}

/// The file of a module path, if there is one.
fn file_of(dir: &str, module: &[String]) -> Option<String> {
    if module.is_empty() {
        return Some(format!("{dir}/lib.rs")).filter(|p| root().join(p).is_file());
    }
    let joined = module.join("/");
    [
        format!("{dir}/{joined}.rs"),
        format!("{dir}/{joined}/mod.rs"),
    ]
    .into_iter()
    .find(|p| root().join(p).is_file())
}

// ---------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------

fn fail(problems: &[String], rule: &str) {
    assert!(
        problems.is_empty(),
        "{rule}\n{}",
        problems
            .iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The dependency names of a Cargo.toml (every `…dependencies` table, renames included),
/// with their lines.
fn dependency_names(manifest: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut in_dependencies = false;
    for (n, raw) in manifest.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_end_matches(']').trim();
            let last = header.rsplit('.').next().unwrap_or("");
            // [dependencies.web-sys] names the dependency in its header.
            let mut parts = header.split('.');
            let named = parts.position(|p| p.ends_with("dependencies"));
            in_dependencies = last.ends_with("dependencies");
            if let Some(pos) = named {
                if let Some(name) = header.split('.').nth(pos + 1) {
                    out.push((name.trim_matches('"').to_owned(), n + 1));
                }
            }
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            let key = key.trim().trim_matches('"');
            if in_dependencies {
                out.push((key.to_owned(), n + 1));
            }
            // `alias = { package = "web-sys" }` or a `package = …` line in a table.
            for (i, _) in value.match_indices("package") {
                if let Some(name) = value[i..].split('"').nth(1) {
                    out.push((name.to_owned(), n + 1));
                }
            }
            if key == "package" {
                out.push((value.trim().trim_matches('"').to_owned(), n + 1));
            }
        }
    }
    out
}

#[test]
fn the_core_never_touches_the_browser() {
    let mut problems = Vec::new();
    let manifest = read("core/Cargo.toml");
    for (name, line) in dependency_names(&manifest) {
        let browser = ["web-sys", "js-sys", "wasm-bindgen", "gloo", "yew"]
            .iter()
            .any(|b| name.replace('_', "-").starts_with(b));
        if browser {
            problems.push(format!("core/Cargo.toml:{line}: depends on `{name}`"));
        }
    }
    for source in rust_files("core/src").iter().map(|p| Source::read(p)) {
        for word in ["web_sys", "js_sys", "wasm_bindgen", "gloo"] {
            for (i, _) in source.no_comments.match_indices(word) {
                problems.push(format!("{}: mentions `{word}`", source.at(i)));
            }
        }
    }
    fail(
        &problems,
        "The core (rapport-core) must stay pure Rust, with no browser dependency:",
    );
}

#[test]
fn only_persistence_touches_storage() {
    let mut problems = Vec::new();
    for path in rust_files("src") {
        if path == "src/persistence.rs" {
            continue;
        }
        let source = Source::read(&path);
        let text = &source.no_comments;
        for word in [
            "local_storage",
            "localStorage",
            "session_storage",
            "sessionStorage",
            "indexed_db",
            "indexedDB",
            "gloo_storage",
        ] {
            for (i, _) in text.match_indices(word) {
                problems.push(format!("{}: mentions `{word}`", source.at(i)));
            }
        }
        // `web_sys::Storage` as a path, or `Storage` among names imported from web_sys.
        let tokens = tokens(&source.code);
        for (k, t) in tokens.iter().enumerate() {
            if t.text != "web_sys" || tokens.get(k + 1).map(|t| t.text) != Some("::") {
                continue;
            }
            let mut depth = 0;
            for u in &tokens[k + 2..] {
                match u.text {
                    "{" => depth += 1,
                    "}" if depth <= 1 => break,
                    "}" => depth -= 1,
                    "," if depth == 0 => break,
                    "Storage" => {
                        problems.push(format!("{}: uses `web_sys::Storage`", source.at(u.start)));
                    }
                    "::" | "," | "*" => {}
                    word if is_ident(word) => {}
                    _ => break,
                }
            }
        }
    }
    fail(
        &problems,
        "Only src/persistence.rs may touch browser storage; other files go through it:",
    );
}

#[test]
fn nothing_imports_the_app_component() {
    let mut problems = Vec::new();
    // Start-up (src/lib.rs) renders the root; nothing else may reach for it.
    for path in rust_files("src") {
        if path == "src/components/app.rs" || path == "src/lib.rs" {
            continue;
        }
        let source = Source::read(&path);
        for word in ["components::app", "super::app"] {
            for (i, _) in source.no_comments.match_indices(word) {
                problems.push(format!("{}: mentions `{word}`", source.at(i)));
            }
        }
    }
    fail(
        &problems,
        "src/components/app.rs is the root component: only start-up (src/lib.rs) may import \
         it (what views share goes in a shared module):",
    );
}

/// Two or more English words in a row (2+ ASCII letters each, one space between).
fn has_english(literal: &str) -> bool {
    let words: Vec<&str> = literal.split(' ').collect();
    words.windows(2).any(|pair| {
        let tail = pair[0]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let head = pair[1].bytes().take_while(u8::is_ascii_alphabetic).count();
        tail >= 2 && head >= 2
    })
}

#[test]
fn the_core_holds_no_user_visible_english() {
    let mut problems = Vec::new();
    for source in crate_sources("core/src", true) {
        for literal in &source.strings {
            if has_english(&literal.text) {
                problems.push(format!(
                    "{}: \"{}\"",
                    source.at(literal.start),
                    literal.text
                ));
            }
        }
    }
    fail(
        &problems,
        "The core holds no user-visible English (errors and warnings are data the app \
         words); these string literals outside tests hold English words:",
    );
}

#[test]
fn the_result_code_format_is_pinned_by_vectors() {
    // The vectors are in the file's tests: read all its string literals.
    let (_, _, strings) = scan(&read("core/src/code.rs"));
    for vector in [
        "RP1.PH1.gggggggggggggggg.BO4",
        "RP1.PH1.JZjJZjJZjJZjJZjJ.QWNtZSAmIENv.sLK",
    ] {
        assert!(
            strings.iter().any(|s| s.text == vector),
            "core/src/code.rs: the fixed vector \"{vector}\" is gone; result codes people \
             keep must still decode, so the format is pinned by these vectors"
        );
    }
}

/// A reference from one file to another, with where it is.
struct Edge {
    to: String,
    at: String,
}

/// The module paths a file refers to: `crate::…`, `super::…`, `self::…`, and paths
/// through the modules it declares (`mod x;` then `x::…`), `use` trees included.
fn references(dir: &str, source: &Source) -> Vec<(Vec<String>, usize)> {
    let module = module_of(dir, &source.path);
    let children: BTreeSet<&str> = source.children.iter().map(|(n, _)| n.as_str()).collect();
    let tokens = tokens(&source.code);
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let previous = k.checked_sub(1).map(|p| tokens[p].text);
        if matches!(previous, Some("::" | "." | "$"))
            || tokens.get(k + 1).map(|t| t.text) != Some("::")
        {
            continue;
        }
        let (mut base, mut next) = match t.text {
            "crate" => (Vec::new(), k + 2),
            "self" => (module.clone(), k + 2),
            "super" => (module[..module.len().saturating_sub(1)].to_vec(), k + 2),
            name if children.contains(name) => {
                let mut base = module.clone();
                base.push(name.to_owned());
                (base, k + 2)
            }
            _ => continue,
        };
        while tokens.get(next).map(|t| t.text) == Some("super")
            && tokens.get(next + 1).map(|t| t.text) == Some("::")
        {
            base.pop();
            next += 2;
        }
        let mut paths = Vec::new();
        use_tree(&tokens, next, base, &mut paths);
        out.extend(paths.into_iter().map(|p| (p, t.start)));
    }
    out
}

/// Reads the path or `use` tree at `tokens[i]` (after a `::`), adding full paths to `out`.
fn use_tree(
    tokens: &[Token<'_>],
    i: usize,
    prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    match tokens.get(i).map(|t| t.text) {
        Some("{") => {
            let mut j = i + 1;
            loop {
                match tokens.get(j).map(|t| t.text) {
                    None => return j,
                    Some("}") => return j + 1,
                    Some(",") => j += 1,
                    Some("self") => {
                        out.push(prefix.clone());
                        j += 1;
                    }
                    Some(_) => {
                        let before = j;
                        j = use_tree(tokens, j, prefix.clone(), out);
                        // `as name` and anything unexpected: skip to the next entry.
                        while !matches!(tokens.get(j).map(|t| t.text), None | Some("," | "}")) {
                            j += 1;
                        }
                        if j == before {
                            j += 1;
                        }
                    }
                }
            }
        }
        Some(name) if is_ident(name) => {
            let mut path = prefix;
            path.push(name.to_owned());
            if tokens.get(i + 1).map(|t| t.text) == Some("::")
                && tokens
                    .get(i + 2)
                    .is_some_and(|t| is_ident(t.text) || t.text == "{" || t.text == "*")
            {
                use_tree(tokens, i + 2, path, out)
            } else {
                out.push(path);
                i + 1
            }
        }
        _ => {
            out.push(prefix);
            i + 1
        }
    }
}

/// Items a file re-exports (`pub use a::b::{C, D as E};`): name → the full path.
fn re_exports(dir: &str, source: &Source) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let tokens = tokens(&source.code);
    let module = module_of(dir, &source.path);
    let children: BTreeSet<&str> = source.children.iter().map(|(n, _)| n.as_str()).collect();
    for (k, t) in tokens.iter().enumerate() {
        if t.text != "pub" {
            continue;
        }
        let mut j = k + 1;
        if tokens.get(j).map(|t| t.text) == Some("(") {
            while tokens.get(j).is_some_and(|t| t.text != ")") {
                j += 1;
            }
            j += 1;
        }
        if tokens.get(j).map(|t| t.text) != Some("use") {
            continue;
        }
        let first = tokens.get(j + 1).map_or("", |t| t.text);
        let (base, start) = match first {
            "crate" => (Vec::new(), j + 3),
            "self" => (module.clone(), j + 3),
            "super" => (module[..module.len().saturating_sub(1)].to_vec(), j + 3),
            name if children.contains(name) => (module.clone(), j + 1),
            _ => continue,
        };
        let mut paths = Vec::new();
        use_tree(&tokens, start, base, &mut paths);
        for path in paths {
            if let Some(name) = path.last() {
                out.insert(name.clone(), path);
            }
        }
    }
    out
}

/// The file a module path refers to: the longest prefix with a file (`a::b::Item` is
/// in `a/b.rs`); an item a file only re-exports is followed to where it is defined.
fn resolve(
    dir: &str,
    path: &[String],
    exports: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
) -> Option<String> {
    let mut path = path.to_vec();
    for _ in 0..8 {
        let k = (0..=path.len())
            .rev()
            .find(|&k| file_of(dir, &path[..k]).is_some())?;
        let file = file_of(dir, &path[..k])?;
        match path.get(k).and_then(|name| exports.get(&file)?.get(name)) {
            Some(target) if *target != path[..=k] => path = target.clone(),
            _ => return Some(file),
        }
    }
    None
}

/// The references between a crate's files (test code left out): file → edges.
fn file_graph(dir: &str) -> BTreeMap<String, Vec<Edge>> {
    let sources: Vec<Source> = crate_sources(dir, false)
        .into_iter()
        .filter(|s| s.path != format!("{dir}/main.rs"))
        .collect();
    let exports: BTreeMap<String, BTreeMap<String, Vec<String>>> = sources
        .iter()
        .map(|s| (s.path.clone(), re_exports(dir, s)))
        .collect();
    let mut graph = BTreeMap::new();
    for source in &sources {
        let mut edges: Vec<Edge> = Vec::new();
        for (path, offset) in references(dir, source) {
            if let Some(to) = resolve(dir, &path, &exports) {
                if to != source.path && !edges.iter().any(|e| e.to == to) {
                    edges.push(Edge {
                        to,
                        at: source.at(offset),
                    });
                }
            }
        }
        graph.insert(source.path.clone(), edges);
    }
    graph
}

/// Every circle of files, one per group of files that reach each other, as
/// `a (a.rs:3) → b (b.rs:7) → a`.
fn circles(graph: &BTreeMap<String, Vec<Edge>>) -> Vec<String> {
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::from([from.to_owned()]);
        while let Some(file) = queue.pop_front() {
            for edge in graph.get(&file).into_iter().flatten() {
                if seen.insert(edge.to.clone()) {
                    queue.push_back(edge.to.clone());
                }
            }
        }
        seen
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for start in graph.keys() {
        if done.contains(start) || !reach(start).contains(start) {
            continue;
        }
        // The group: files reachable from `start` that also reach it.
        let group: BTreeSet<String> = reach(start)
            .into_iter()
            .filter(|f| reach(f).contains(start))
            .collect();
        done.extend(group.iter().cloned());
        // The shortest circle through `start`.
        let mut came_from: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut queue = VecDeque::from([start.clone()]);
        'search: while let Some(file) = queue.pop_front() {
            for edge in graph.get(&file).into_iter().flatten() {
                if !came_from.contains_key(&edge.to) {
                    came_from.insert(edge.to.clone(), (file.clone(), edge.at.clone()));
                    if edge.to == *start {
                        break 'search;
                    }
                    queue.push_back(edge.to.clone());
                }
            }
        }
        let mut steps = Vec::new();
        let mut file = start.clone();
        loop {
            let (from, at) = came_from[&file].clone();
            steps.push(format!("{from} (at {at})"));
            file = from;
            if file == *start {
                break;
            }
        }
        steps.reverse();
        out.push(format!(
            "{} → {start}   [files in this knot: {}]",
            steps.join(" → "),
            group.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

#[test]
fn the_app_has_no_circles_between_files() {
    fail(
        &circles(&file_graph("src")),
        "The app's files must not refer to each other in circles (a file may only use files \
         that do not use it back, directly or through others):",
    );
}

#[test]
fn the_core_has_no_circles_between_files() {
    fail(
        &circles(&file_graph("core/src")),
        "The core's files must not refer to each other in circles (a file may only use \
         files that do not use it back, directly or through others):",
    );
}

// ---------------------------------------------------------------------------------------
// The scanner itself
// ---------------------------------------------------------------------------------------

#[test]
fn the_scanner_reads_literals_comments_and_test_code() {
    let src = r##"
/// "doc comment" is not code
fn f() -> char { let _q = '"'; let _e = '\''; g::<'static>("one two \" three"); '"' }
/* "block" /* "nested" */ */
const R: &str = r#"raw "words here""#;
#[cfg(test)]
mod tests {
    const T: &str = "test words";
}
"##;
    let (_, code, strings) = scan(src);
    let texts: Vec<&str> = strings.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [r#"one two \" three"#, r#"raw "words here""#, "test words"]
    );
    assert!(!code.contains("doc comment") && !code.contains("block"));
    assert!(has_english("the theme is light") && has_english("x: two words"));
    for ok in [
        "RP1",
        "partnership-health",
        "{}{}",
        "line {}",
        "a b",
        "{n} ms",
        "v1 v2",
    ] {
        assert!(!has_english(ok), "{ok}");
    }
}
