//! The project's architecture rules, checked natively on the source files as `syn` (the
//! Rust parser proc macros use) reads them. A crate is its root file and the module files
//! it declares; test code (`#[cfg(test)]` items and modules) is left out, so only shipped
//! code is judged. Every problem is reported with its file and line.
//!
//! - **The core never touches the browser**: `core/Cargo.toml` depends on no browser
//!   crate, and no identifier in `core/src` names one.
//! - **Only `src/persistence.rs` touches browser storage**: no other file has
//!   [`STORAGE_WORDS`] in an identifier or a string, or refers to `web_sys::Storage`.
//! - **Nothing but start-up imports the root component**: only the app's crate root
//!   (`src/lib.rs`) refers to the file that defines `#[component] fn App`.
//! - **No English outside the language packs**: no string literal in the core or the app
//!   holds English words, except where no one is shown them (see [`NOT_SHOWN`]).
//! - **The result-code format is pinned** by fixed vectors in `core/src/code.rs`.
//! - **No circles between files**, in the app or in the core.
//! - **The core's layers**: a core file refers only to files in lower layers of the order
//!   written once, in the doc comment of `core/src/lib.rs`.
//! - **`src/persistence.rs` cannot panic unseen**: it denies [`NO_PANICS`] by lint.
//!
//! References are read from paths and `use` trees (groups, globs, renames; in macro input
//! too), made absolute (`crate::`, `self::`, `super::`, child modules, names a `use`
//! brought in) and followed through re-exports (`pub use`) to the file that defines what
//! they name. The reader is in one place (`Crate`, `Facts`); the rules follow it.

// Every dependency of the package is visible here, and none is needed.
#![allow(unused_crate_dependencies)]
#![cfg(not(target_arch = "wasm32"))]

use proc_macro2::{Delimiter, Group, Ident, Spacing, Span, TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Attribute, Expr, ImplItem, Item, Lit, LitStr, Meta, Token, UseTree, Visibility};

const APP: &str = "src";
const CORE: &str = "core/src";
const PERSISTENCE: &str = "src/persistence.rs";
const CODES: &str = "core/src/code.rs";

// ---------------------------------------------------------------------------------------
// Reading crates with syn
// ---------------------------------------------------------------------------------------

/// A crate: its root file first, then every module file it declares (test-only ones
/// left out).
struct Crate {
    files: Vec<SourceFile>,
}

struct SourceFile {
    path: String,
    /// `a::b` for `a/b.rs` or `a/b/mod.rs`; empty for the root.
    module: Vec<String>,
    /// Declared `#[cfg(any(test, ...))]`: test code that a feature can also switch on.
    test_support: bool,
    syntax: syn::File,
    /// What its shipped code holds.
    facts: Facts,
}

/// A path as written (`crate`, `self`, `super`, a leading `::` kept), in its module.
#[derive(Clone)]
struct Ref {
    path: Vec<String>,
    module: Vec<String>,
    line: usize,
}

/// A name a `use` brings in: `use a::b;` binds `b` to `a::b`, `use a::b as c;` binds `c`.
struct Bind {
    name: String,
    target: Ref,
    public: bool,
}

struct Str {
    text: String,
    line: usize,
    /// Whether a person may be shown it (see [`NOT_SHOWN`]).
    shown: bool,
}

/// What a file's code holds, collected by walking its syntax tree and its macros' input.
#[derive(Default)]
struct Facts {
    /// Modules declared with a file of their own (`mod x;`), and whether test support.
    modules: Vec<(Vec<String>, bool)>,
    binds: Vec<Bind>,
    /// Every path of two or more segments, every `use` leaf.
    refs: Vec<Ref>,
    /// Every identifier: in code, attributes and macro input.
    idents: Vec<(String, usize)>,
    strings: Vec<Str>,
    /// Functions marked `#[component]` or `#[function_component]`.
    components: Vec<String>,
    // While walking: the module, whether test code is read, whether text is shown.
    module: Vec<String>,
    with_tests: bool,
    shown: bool,
}

impl Crate {
    /// The crate whose root is `dir/root`, from disk.
    fn read(dir: &str, root: &str) -> Crate {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |path: &str| std::fs::read_to_string(base.join(path)).ok();
        Crate::load(dir, root, &read)
    }

    /// For self-tests: a crate rooted at `dir/lib.rs`, each file after a `--- path` line.
    fn of(dir: &str, tree: &str) -> Crate {
        let files: Vec<(&str, &str)> = tree
            .split("--- ")
            .filter_map(|f| f.split_once('\n'))
            .collect();
        let read = |path: &str| files.iter().find(|f| f.0 == path).map(|f| f.1.to_owned());
        Crate::load(dir, "lib.rs", &read)
    }

    fn load(dir: &str, root: &str, read: &dyn Fn(&str) -> Option<String>) -> Crate {
        let mut files = Vec::new();
        let mut queue = VecDeque::from([(format!("{dir}/{root}"), Vec::new(), false)]);
        while let Some((path, module, mut test_support)) = queue.pop_front() {
            let text = read(&path).unwrap_or_else(|| panic!("{path} cannot be read"));
            let parsed = syn::parse_file(&text);
            let syntax = parsed.unwrap_or_else(|e| panic!("{path}:{}: {e}", line(e.span())));
            match cfg_of(&syntax.attrs) {
                Some(Cfg::Test) => continue,
                Some(Cfg::TestSupport) => test_support = true,
                None => {}
            }
            let facts = Facts::read(&syntax, &module, false);
            for (child, support) in &facts.modules {
                let file = child.join("/");
                let found = [format!("{dir}/{file}.rs"), format!("{dir}/{file}/mod.rs")];
                let found = found.into_iter().find(|p| read(p).is_some());
                let found = found.unwrap_or_else(|| panic!("{path}: `mod {file}` has no file"));
                queue.push_back((found, child.clone(), test_support || *support));
            }
            let file = SourceFile {
                path,
                module,
                test_support,
                syntax,
                facts,
            };
            files.push(file);
        }
        Crate { files }
    }

    fn file(&self, path: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.path == path)
    }

    /// The file of the deepest module on an absolute path, and the index of the name
    /// that follows that module.
    fn deepest(&self, path: &[String]) -> Option<(&SourceFile, usize)> {
        if path.first()? != "crate" {
            return None;
        }
        let file = |k: usize| self.files.iter().find(|f| f.module == path[1..k]);
        (1..=path.len()).rev().find_map(|k| Some((file(k)?, k)))
    }

    /// An absolute path followed through re-exports to where what it names is defined
    /// (in a file of the crate, or outside it).
    fn follow(&self, mut path: Vec<String>) -> Vec<String> {
        for _ in 0..8 {
            let Some((file, k)) = self.deepest(&path) else {
                break;
            };
            let exported = |b: &&Bind| b.public && b.target.module == file.module;
            let mut binds = file.facts.binds.iter().filter(exported);
            let Some(bind) = binds.find(|b| Some(&b.name) == path.get(k)) else {
                break;
            };
            let mut target = file.absolute(&bind.target, 0);
            if target[..] == path[..=k] {
                break;
            }
            target.extend_from_slice(&path[k + 1..]);
            path = target;
        }
        path
    }

    /// The file a reference in `file` leads to.
    fn target(&self, file: &SourceFile, reference: &Ref) -> Option<&SourceFile> {
        let path = self.follow(file.absolute(reference, 0));
        Some(self.deepest(&path)?.0)
    }
}

impl SourceFile {
    /// A path made absolute: `crate::…` within the crate; anything else starts with
    /// another crate's name (or is local: a variable, `Self`).
    fn absolute(&self, reference: &Ref, depth: usize) -> Vec<String> {
        let (path, module) = (&reference.path, &reference.module[..]);
        let within = |module: &[String], rest: &[String]| -> Vec<String> {
            let rest = module.iter().chain(rest).cloned();
            std::iter::once("crate".to_owned()).chain(rest).collect()
        };
        let supers = path.iter().take_while(|s| *s == "super").count();
        let up = &module[..module.len().saturating_sub(supers)];
        let child = |m: &(Vec<String>, bool)| m.0[..] == within(module, &path[..1])[1..];
        match path.first().map_or("", String::as_str) {
            "" => Vec::new(),
            "::" => path[1..].to_vec(),
            "crate" => path.to_vec(),
            "self" => within(module, &path[1..]),
            "super" => within(up, &path[supers..]),
            name => match self.facts.binds.iter().find(|b| b.name == name) {
                Some(bind) if depth < 8 => {
                    let mut out = self.absolute(&bind.target, depth + 1);
                    out.extend_from_slice(&path[1..]);
                    out
                }
                _ if self.facts.modules.iter().any(child) => within(module, path),
                _ => path.to_vec(),
            },
        }
    }
}

#[derive(PartialEq)]
enum Cfg {
    /// `#[cfg(test)]`, `#[cfg(all(test, ...))]`
    Test,
    /// `#[cfg(any(test, ...))]`
    TestSupport,
}

fn cfg_of(attrs: &[Attribute]) -> Option<Cfg> {
    let is_test = |meta: &Meta| matches!(meta, Meta::Path(p) if p.is_ident("test"));
    let cfgs = attrs.iter().filter(|a| a.path().is_ident("cfg"));
    let mut cfgs = cfgs.filter_map(|a| a.parse_args::<Meta>().ok());
    cfgs.find_map(|meta| {
        let Meta::List(list) = &meta else {
            return is_test(&meta).then_some(Cfg::Test);
        };
        let parts = Punctuated::<Meta, Token![,]>::parse_terminated;
        let with_test = list.parse_args_with(parts).ok()?.iter().any(is_test);
        let all = list.path.is_ident("all");
        let kind = if all { Cfg::Test } else { Cfg::TestSupport };
        (with_test && (all || list.path.is_ident("any"))).then_some(kind)
    })
}

/// An item's attributes (`syn` has no trait for them).
macro_rules! attrs {
    ($item:expr, $kind:ident: $($variant:ident)*) => {
        match $item { $($kind::$variant(i) => &i.attrs[..],)* _ => &[] }
    };
}

fn line(span: Span) -> usize {
    span.start().line
}

fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

fn string_literal(expr: &Expr) -> Option<&LitStr> {
    let Expr::Lit(lit) = expr else { return None };
    let Lit::Str(s) = &lit.lit else { return None };
    Some(s)
}

fn path_text(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::")
}

impl Facts {
    fn read(syntax: &syn::File, module: &[String], with_tests: bool) -> Facts {
        let mut facts = Facts::default();
        (facts.module, facts.with_tests, facts.shown) = (module.to_vec(), with_tests, true);
        facts.visit_file(syntax);
        facts
    }

    fn reference(&mut self, path: Vec<String>, line: usize) {
        let module = self.module.clone();
        self.refs.push(Ref { path, module, line });
    }

    /// Reads with `read`; what it finds is not shown to anyone if `hidden`.
    fn hidden(&mut self, hidden: bool, read: impl FnOnce(&mut Facts)) {
        let outer = self.shown;
        self.shown &= !hidden;
        read(self);
        self.shown = outer;
    }

    fn string(&mut self, text: String, span: Span) {
        let (line, shown) = (line(span), self.shown);
        self.strings.push(Str { text, line, shown });
    }

    fn use_tree(&mut self, tree: &UseTree, prefix: &mut Vec<String>, public: bool) {
        match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(&p.tree, prefix, public);
                prefix.pop();
            }
            UseTree::Group(g) => g
                .items
                .iter()
                .for_each(|t| self.use_tree(t, prefix, public)),
            UseTree::Name(n) => self.bind(prefix, &n.ident, &n.ident, public),
            UseTree::Rename(r) => self.bind(prefix, &r.ident, &r.rename, public),
            UseTree::Glob(g) => {
                let glob = prefix.iter().cloned().chain(["*".to_owned()]);
                self.reference(glob.collect(), line(g.star_token.span));
            }
        }
    }

    /// A `use` leaf `prefix::leaf` (`self`: the prefix itself), bound to `name`.
    fn bind(&mut self, prefix: &[String], leaf: &Ident, name: &Ident, public: bool) {
        let mut path = prefix.to_vec();
        path.extend((leaf != "self").then(|| leaf.to_string()));
        self.reference(path, line(leaf.span()));
        let target = self.refs.last().cloned().expect("just added");
        let name = match name.to_string() {
            own if own == "self" => prefix.last().cloned().unwrap_or_default(),
            name => name,
        };
        if name != "_" {
            self.binds.push(Bind {
                name,
                target,
                public,
            });
        }
    }

    /// Macro input that is Rust syntax (`format!`, `vec!`, `assert_eq!`: expressions
    /// separated by commas) is read as such; anything else token by token.
    fn macro_input(&mut self, tokens: TokenStream) {
        let parser = Punctuated::<Expr, Token![,]>::parse_terminated;
        match parser.parse2(tokens.clone()) {
            Ok(exprs) => exprs.iter().for_each(|e| self.visit_expr(e)),
            Err(_) => self.tokens(tokens, false),
        }
    }

    /// Tokens one by one: identifiers, `a::b` paths, literals, groups, attributes
    /// `#[…]`; in `markup` (`html!`), also markup attributes `name=value`.
    fn tokens(&mut self, tokens: TokenStream, markup: bool) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        let after = |k: usize, c: char| k > 0 && is_punct(tokens.get(k - 1), c);
        // In markup, the name of an attribute: words joined by `-` (`aria-label`).
        let mut name = String::new();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                TokenTree::Group(g) if after(i, '#') || (after(i, '!') && after(i - 1, '#')) => {
                    let first = g.stream().into_iter().next();
                    if !matches!(first, Some(TokenTree::Ident(doc)) if doc == "doc") {
                        self.hidden(true, |f| f.tokens(g.stream(), false));
                    }
                }
                TokenTree::Group(g) if markup => self.markup_group(g),
                TokenTree::Group(g) => self.tokens(g.stream(), false),
                TokenTree::Literal(l) => self.visit_lit(&Lit::new(l.clone())),
                TokenTree::Punct(p)
                    if markup && p.as_char() == '=' && p.spacing() == Spacing::Alone =>
                {
                    let hidden = not_shown_attribute(&name);
                    let value = tokens.get(i + 1).cloned().into_iter().collect();
                    self.hidden(hidden, |f| f.tokens(value, true));
                    i += 1;
                }
                TokenTree::Punct(p) if p.as_char() == '-' => name.push('-'),
                TokenTree::Punct(_) => name.clear(),
                TokenTree::Ident(ident) => {
                    if !name.ends_with('-') {
                        name.clear();
                    }
                    name.push_str(&ident.to_string());
                    // A path `a::b::c` (`$crate::…` in a macro's definition, not `$x::…`).
                    let metavariable = after(i, '$') && ident != "crate";
                    let mut path = vec![ident.to_string()];
                    self.visit_ident(ident);
                    while is_punct(tokens.get(i + 1), ':') && is_punct(tokens.get(i + 2), ':') {
                        let Some(TokenTree::Ident(next)) = tokens.get(i + 3) else {
                            break;
                        };
                        self.visit_ident(next);
                        path.push(next.to_string());
                        i += 3;
                    }
                    if path.len() > 1 && !metavariable {
                        self.reference(path, line(ident.span()));
                    }
                }
            }
            i += 1;
        }
    }

    /// A brace group in markup is Rust (a child `{ expr }` or `{ for iter }`, an
    /// attribute's value) unless it holds markup (the body of an `if` in markup).
    fn markup_group(&mut self, group: &Group) {
        let first = group.stream().into_iter().next();
        if group.delimiter() == Delimiter::Brace && !is_punct(first.as_ref(), '<') {
            let braced = TokenTree::Group(group.clone()).into();
            if let Ok(block) = syn::parse2::<syn::Block>(braced) {
                return self.visit_block(&block);
            }
            let rest: TokenStream = group.stream().into_iter().skip(1).collect();
            let for_each = matches!(&first, Some(TokenTree::Ident(i)) if i == "for");
            if let (true, Ok(iter)) = (for_each, syn::parse2::<Expr>(rest)) {
                return self.visit_expr(&iter);
            }
        }
        self.tokens(group.stream(), true)
    }
}

impl<'ast> Visit<'ast> for Facts {
    fn visit_item(&mut self, item: &'ast Item) {
        let attrs = attrs!(item, Item: Const Enum ExternCrate Fn ForeignMod Impl Macro Mod
            Static Struct Trait TraitAlias Type Union Use);
        if self.with_tests || cfg_of(attrs) != Some(Cfg::Test) {
            visit::visit_item(self, item);
        }
    }

    fn visit_impl_item(&mut self, item: &'ast ImplItem) {
        let attrs = attrs!(item, ImplItem: Const Fn Type Macro);
        if self.with_tests || cfg_of(attrs) != Some(Cfg::Test) {
            visit::visit_impl_item(self, item);
        }
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        let mut module = self.module.clone();
        module.push(item.ident.to_string());
        if item.content.is_none() {
            let support = cfg_of(&item.attrs) == Some(Cfg::TestSupport);
            self.modules.push((module.clone(), support));
        }
        let outer = std::mem::replace(&mut self.module, module);
        visit::visit_item_mod(self, item);
        self.module = outer;
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let public = !matches!(item.vis, Visibility::Inherited);
        let colon = item.leading_colon.map(|_| "::".to_owned());
        self.use_tree(&item.tree, &mut colon.into_iter().collect(), public);
        visit::visit_item_use(self, item);
    }

    fn visit_item_extern_crate(&mut self, item: &'ast syn::ItemExternCrate) {
        let name = item.rename.as_ref().map_or(&item.ident, |r| &r.1);
        let public = !matches!(item.vis, Visibility::Inherited);
        self.bind(&["::".to_owned()], &item.ident, name, public);
        visit::visit_item_extern_crate(self, item);
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        let mut marks = item.attrs.iter().map(|a| path_text(a.path()));
        if marks.any(|mark| mark.ends_with("component")) {
            self.components.push(item.sig.ident.to_string());
        }
        visit::visit_item_fn(self, item);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.segments.len() > 1 {
            let colon = path.leading_colon.map(|_| "::".to_owned());
            let segments = path.segments.iter().map(|s| s.ident.to_string());
            let at = line(path.segments[0].ident.span());
            self.reference(colon.into_iter().chain(segments).collect(), at);
        }
        visit::visit_path(self, path);
    }

    fn visit_ident(&mut self, ident: &'ast Ident) {
        let at = line(ident.span());
        self.idents.push((ident.to_string(), at));
    }

    fn visit_lit_str(&mut self, lit: &'ast LitStr) {
        self.string(lit.value(), lit.span());
    }

    fn visit_lit_byte_str(&mut self, lit: &'ast syn::LitByteStr) {
        let text = String::from_utf8_lossy(&lit.value()).into_owned();
        self.string(text, lit.span());
    }

    /// Doc comments are comments; other attributes are read, but no one is shown them.
    fn visit_attribute(&mut self, attr: &'ast Attribute) {
        if attr.path().is_ident("doc") {
            return;
        }
        self.hidden(true, |f| {
            visit::visit_attribute(f, attr);
            if let Meta::List(list) = &attr.meta {
                f.tokens(list.tokens.clone(), false);
            }
        });
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        visit::visit_macro(self, mac);
        let (name, tokens) = (path_text(&mac.path), mac.tokens.clone());
        match name.rsplit("::").next() {
            Some("html" | "html_nested") => self.tokens(tokens, true),
            Some("classes") => self.hidden(true, |f| f.macro_input(tokens)),
            _ => self.macro_input(tokens),
        }
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if !not_shown_arguments(&call.method.to_string(), call.args.first()) {
            return visit::visit_expr_method_call(self, call);
        }
        self.visit_expr(&call.receiver);
        self.visit_ident(&call.method);
        self.hidden(true, |f| call.args.iter().for_each(|a| f.visit_expr(a)));
    }
}

// ---------------------------------------------------------------------------------------
// What no one is shown
// ---------------------------------------------------------------------------------------

/// Markup attributes whose values no one is shown (or read out): names, ids and
/// references to ids, kinds and roles, addresses, keys, SVG geometry; and `data-*`. The
/// value of any other attribute (`title`, `alt`, `aria-label`, `placeholder`, `value`, an
/// event handler, …) and every child of an element may be seen or heard. Nor is anyone
/// shown attributes (`#[…]`), `classes!(…)`, or the arguments of some calls
/// ([`not_shown_arguments`]).
const NOT_SHOWN: &str = "class id key type name for role href rel lang dir aria-hidden \
    aria-labelledby aria-describedby aria-controls autocomplete inputmode viewBox d points \
    transform";

fn not_shown_attribute(name: &str) -> bool {
    NOT_SHOWN.split_whitespace().any(|a| a == name) || name.starts_with("data-")
}

/// Calls whose arguments are never shown: DOM names (a class with `set_class_name`,
/// selectors with `query_selector` and `query_selector_all`, a CSS property and its value
/// with `set_property`, an attribute whose value markup would not show either with
/// `set_attribute(name, value)`), and text searched for in other text, such as serde's
/// own words (`strip_prefix`, `rfind`, `starts_with`, `contains`).
fn not_shown_arguments(method: &str, first: Option<&Expr>) -> bool {
    let attribute = first.and_then(string_literal).map(LitStr::value);
    match method {
        "set_class_name" | "query_selector" | "query_selector_all" | "set_property" => true,
        "strip_prefix" | "rfind" | "starts_with" | "contains" => true,
        "set_attribute" => attribute.is_some_and(|name| not_shown_attribute(&name)),
        _ => false,
    }
}

/// Two or more English words in a row (2+ ASCII letters each, one space between).
fn has_english(literal: &str) -> bool {
    let words: Vec<&str> = literal.split(' ').collect();
    words.windows(2).any(|pair| {
        let tail = pair[0].bytes().rev().take_while(u8::is_ascii_alphabetic);
        let head = pair[1].bytes().take_while(u8::is_ascii_alphabetic);
        tail.count() >= 2 && head.count() >= 2
    })
}

// ---------------------------------------------------------------------------------------
// The rules: each returns its problems, `file:line: what`
// ---------------------------------------------------------------------------------------

const BROWSER_CRATES: [&str; 5] = ["web-sys", "js-sys", "wasm-bindgen", "gloo", "yew"];

/// The browser crates a manifest depends on, in any dependency table, renames included.
fn browser_dependencies(path: &str, manifest: &str) -> Vec<String> {
    let table: toml::Table = manifest.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
    let targets = table.get("target").and_then(toml::Value::as_table);
    let targets = targets
        .into_iter()
        .flat_map(|t| t.values().filter_map(|v| v.as_table()));
    let mut problems = Vec::new();
    for table in std::iter::once(&table).chain(targets) {
        for kind in ["dependencies", "dev-dependencies", "build-dependencies"] {
            let dependencies = table.get(kind).and_then(toml::Value::as_table);
            for (key, value) in dependencies.into_iter().flatten() {
                let package = value.get("package").and_then(toml::Value::as_str);
                let name = package.unwrap_or(key).replace('_', "-");
                if BROWSER_CRATES.iter().any(|b| name.starts_with(b)) {
                    let named = |l: &&str| {
                        let l = l.trim();
                        l.trim_start_matches('"').starts_with(key.as_str())
                            || l.ends_with(&format!(".{key}]"))
                    };
                    let at = manifest
                        .lines()
                        .position(|l| named(&l))
                        .map_or(1, |n| n + 1);
                    problems.push(format!("{path}:{at}: depends on `{name}`"));
                }
            }
        }
    }
    problems
}

/// Identifiers (in code, attributes and macro input) that name a browser crate.
fn browser_in_code(krate: &Crate) -> Vec<String> {
    let names = BROWSER_CRATES.map(|c| c.replace('-', "_"));
    let mut problems = Vec::new();
    for file in &krate.files {
        for (ident, line) in &file.facts.idents {
            if names.iter().any(|name| ident.contains(name)) {
                problems.push(format!("{}:{line}: names `{ident}`", file.path));
            }
        }
    }
    problems
}

/// Words that touch storage, in identifiers or strings.
const STORAGE_WORDS: &str = "local_storage localStorage session_storage sessionStorage \
    indexed_db indexedDB gloo_storage";

fn storage_outside_persistence(crates: &[Crate]) -> Vec<String> {
    let mut problems = Vec::new();
    for krate in crates {
        for file in krate.files.iter().filter(|f| f.path != PERSISTENCE) {
            let idents = file.facts.idents.iter().map(|(text, line)| (text, *line));
            let strings = file.facts.strings.iter().map(|s| (&s.text, s.line));
            for (text, line) in idents.chain(strings) {
                for word in STORAGE_WORDS
                    .split_whitespace()
                    .filter(|w| text.contains(w))
                {
                    problems.push(format!("{}:{line}: mentions `{word}`", file.path));
                }
            }
            for r in &file.facts.refs {
                let path = krate.follow(file.absolute(r, 0));
                let storage = path.len() > 1 && matches!(&*path[1], "Storage" | "*");
                if storage && path[0] == "web_sys" {
                    let (at, written) = (format!("{}:{}", file.path, r.line), r.path.join("::"));
                    problems.push(format!("{at}: uses `web_sys::Storage` (as `{written}`)"));
                }
            }
        }
    }
    problems
}

/// A reference from one file to another, where it is first made.
struct Edge {
    from: String,
    to: String,
    at: String,
}

/// The references between a crate's files: file → one edge per file it uses.
fn graph(krate: &Crate) -> BTreeMap<String, Vec<Edge>> {
    let mut graph = BTreeMap::new();
    for file in &krate.files {
        let mut edges: Vec<Edge> = Vec::new();
        for r in &file.facts.refs {
            let Some(to) = krate.target(file, r).map(|f| f.path.clone()) else {
                continue;
            };
            if to != file.path && !edges.iter().any(|e| e.to == to) {
                let (from, at) = (file.path.clone(), format!("{}:{}", file.path, r.line));
                edges.push(Edge { from, to, at });
            }
        }
        graph.insert(file.path.clone(), edges);
    }
    graph
}

/// Every circle of files, the shortest one per knot of files that reach each other, as
/// `a (at a.rs:3) → b (at b.rs:7) → a`.
fn circles(graph: &BTreeMap<String, Vec<Edge>>) -> Vec<String> {
    // From `start`: each file it reaches, with the edge of a shortest way into it.
    let ways = |start: &str| {
        let mut came: BTreeMap<&str, &Edge> = BTreeMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(file) = queue.pop_front() {
            for edge in graph.get(file).into_iter().flatten() {
                if !came.contains_key(edge.to.as_str()) {
                    came.insert(&edge.to, edge);
                    queue.push_back(&edge.to);
                }
            }
        }
        came
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for start in graph.keys().map(String::as_str) {
        let came = ways(start);
        if done.contains(start) || !came.contains_key(start) {
            continue;
        }
        let knot = came.keys().filter(|f| ways(f).contains_key(start));
        let knot: Vec<&str> = knot.copied().collect();
        done.extend(knot.iter().copied());
        let (mut steps, mut file) = (Vec::new(), start);
        loop {
            let edge = came[file];
            steps.insert(0, format!("{} (at {})", edge.from, edge.at));
            file = &edge.from;
            if file == start {
                break;
            }
        }
        let (steps, knot) = (steps.join(" → "), knot.join(", "));
        out.push(format!("{steps} → {start}   [files in this knot: {knot}]"));
    }
    out
}

/// Files other than the crate root that refer to the file defining `#[component] fn App`.
fn root_component_imports(app: &Crate) -> Vec<String> {
    let defines_app = |f: &&SourceFile| f.facts.components.iter().any(|c| c == "App");
    let roots: Vec<&SourceFile> = app.files.iter().filter(defines_app).collect();
    let [root] = roots[..] else {
        return vec![format!("{} files define `fn App`, not one", roots.len())];
    };
    let start_up = &app.files[0].path;
    let edges = graph(app).into_values().flatten();
    let imports = edges.filter(|e| e.to == root.path && e.from != *start_up);
    let imports =
        imports.map(|e| format!("{}: uses the root component's file {}", e.at, root.path));
    imports.collect()
}

/// String literals with English words a person may be shown (test support left out).
fn english(krate: &Crate) -> Vec<String> {
    let mut problems = Vec::new();
    for file in krate.files.iter().filter(|f| !f.test_support) {
        let strings = file.facts.strings.iter();
        for s in strings.filter(|s| s.shown && has_english(&s.text)) {
            problems.push(format!("{}:{}: {:?}", file.path, s.line, s.text));
        }
    }
    problems
}

fn pinned_vectors(core: &Crate) -> Vec<String> {
    let Some(file) = core.file(CODES) else {
        return vec![format!("{CODES} is gone")];
    };
    // The vectors are in the file's tests.
    let facts = Facts::read(&file.syntax, &file.module, true);
    let vectors = [
        "RP1.PH1.gggggggggggggggg.BO4",
        "RP1.PH1.JZjJZjJZjJZjJZjJ.QWNtZSAmIENv.sLK",
        "RP2.coalition-pulse.1.F8JH.EIB.QWNtZQ.nrV",
    ];
    let gone = vectors
        .into_iter()
        .filter(|v| !facts.strings.iter().any(|s| s.text == *v));
    gone.map(|v| format!("{CODES}: the fixed vector \"{v}\" is gone"))
        .collect()
}

/// The layer order in the crate root's doc comment (its ```` ```text ```` block): layers
/// lowest first, separated by `→`, files in a layer by `,`; and the line it starts on.
fn layer_order(root: &syn::File) -> Option<(Vec<Vec<String>>, usize)> {
    let docs = root.attrs.iter().filter(|a| a.path().is_ident("doc"));
    let docs = docs.filter_map(|a| string_literal(&a.meta.require_name_value().ok()?.value));
    let docs: Vec<(String, usize)> = docs.map(|s| (s.value(), line(s.span()))).collect();
    let start = 1 + docs.iter().position(|(text, _)| text.trim() == "```text")?;
    let length = docs[start..]
        .iter()
        .position(|(text, _)| text.trim() == "```")?;
    let text: Vec<&str> = docs[start..start + length]
        .iter()
        .map(|(t, _)| t.as_str())
        .collect();
    let text = text.join(" ");
    let layers = text.split('→').map(|layer| {
        let files = layer.split(',').map(|f| f.trim().to_owned());
        files.filter(|f| !f.is_empty()).collect()
    });
    Some((layers.collect(), docs.get(start)?.1))
}

/// Every reference from a file of the core goes to a file in a strictly lower layer, and
/// every module the crate root declares is in the order exactly once.
fn layers(core: &Crate) -> Vec<String> {
    let root = &core.files[0];
    let Some((order, at)) = layer_order(&root.syntax) else {
        return vec![format!(
            "{}: no layer order (```text in its doc)",
            root.path
        )];
    };
    let at = format!("{}:{at}", root.path);
    let mut problems = Vec::new();
    let mut layer_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (n, layer) in order.iter().enumerate() {
        for file in layer {
            if layer_of.insert(file, n + 1).is_some() {
                problems.push(format!("{at}: `{file}` is in the layer order twice"));
            }
        }
    }
    let declared: Vec<String> = root
        .facts
        .modules
        .iter()
        .map(|(m, _)| m.join("::"))
        .collect();
    for module in declared
        .iter()
        .filter(|m| !layer_of.contains_key(m.as_str()))
    {
        problems.push(format!(
            "{at}: module `{module}` is missing from the layer order"
        ));
    }
    for file in layer_of
        .keys()
        .filter(|f| !declared.iter().any(|d| d == *f))
    {
        problems.push(format!("{at}: `{file}` in the layer order is no module"));
    }
    let layer = |path: &str| {
        let top = core.file(path)?.module.first()?;
        Some((top.clone(), *layer_of.get(top.as_str())?))
    };
    for edge in graph(core).into_values().flatten() {
        let Some((from, a)) = layer(&edge.from) else {
            continue;
        };
        let to = match layer(&edge.to) {
            Some((_, b)) if b < a => continue,
            Some((to, b)) => format!("`{to}` (layer {b}), which is not below it"),
            None if edge.to == root.path => "the crate root, above every layer".to_owned(),
            None => continue,
        };
        problems.push(format!("{}: `{from}` (layer {a}) uses {to}", edge.at));
    }
    problems
}

/// The lints that keep `src/persistence.rs` from panicking.
const NO_PANICS: &str =
    "clippy::unwrap_used clippy::expect_used clippy::indexing_slicing clippy::panic";

/// `src/persistence.rs` denies (or forbids) [`NO_PANICS`] in inner attributes.
fn persistence_lints(app: &Crate) -> Vec<String> {
    let Some(file) = app.file(PERSISTENCE) else {
        return vec![format!("{PERSISTENCE} is gone")];
    };
    let levels = file.syntax.attrs.iter();
    let levels = levels.filter(|a| a.path().is_ident("deny") || a.path().is_ident("forbid"));
    let lints = Punctuated::<syn::Path, Token![,]>::parse_terminated;
    let denied = levels.flat_map(|a| a.parse_args_with(lints).into_iter().flatten());
    let denied: Vec<String> = denied.map(|path| path_text(&path)).collect();
    let missing = NO_PANICS
        .split_whitespace()
        .filter(|lint| !denied.iter().any(|d| d == lint));
    missing
        .map(|lint| format!("{PERSISTENCE}:1: `#![deny({lint})]` is gone"))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The rules on the real tree
// ---------------------------------------------------------------------------------------

fn fail(problems: &[String], rule: &str) {
    let problems: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    assert!(problems.is_empty(), "{rule}\n{}", problems.join("\n"));
}

fn app() -> Crate {
    Crate::read(APP, "lib.rs")
}

fn core() -> Crate {
    Crate::read(CORE, "lib.rs")
}

/// The app's two crates: the library and the binary that starts it.
fn app_crates() -> [Crate; 2] {
    [app(), Crate::read(APP, "main.rs")]
}

#[test]
fn the_core_never_touches_the_browser() {
    let path = "core/Cargo.toml";
    let manifest = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")));
    let mut problems = browser_dependencies(path, &manifest.expect(path));
    problems.extend(browser_in_code(&core()));
    fail(
        &problems,
        "The core (rapport-core) must stay pure Rust, with no browser dependency:",
    );
}

#[test]
fn only_persistence_touches_storage() {
    let rule = "Only src/persistence.rs may touch browser storage; other files go through it:";
    fail(&storage_outside_persistence(&app_crates()), rule);
}

#[test]
fn nothing_imports_the_root_component() {
    let rule = "Only start-up (src/lib.rs) may import the root component (what views share \
                goes in a shared module):";
    fail(&root_component_imports(&app()), rule);
}

#[test]
fn the_core_holds_no_english() {
    let rule = "The core holds no user-visible English (errors and warnings are data the app \
                words); these string literals outside tests hold English words:";
    fail(&english(&core()), rule);
}

#[test]
fn the_app_holds_no_english() {
    let rule = "Every word the app shows comes from a language pack; these string literals \
                hold English words (what no one is shown is described at NOT_SHOWN):";
    fail(
        &app_crates().iter().flat_map(english).collect::<Vec<_>>(),
        rule,
    );
}

#[test]
fn the_result_code_format_is_pinned_by_vectors() {
    let rule = "Result codes people keep must still decode, so the format is pinned:";
    fail(&pinned_vectors(&core()), rule);
}

#[test]
fn no_circles_between_files() {
    let rule = "Files must not refer to each other in circles (a file may only use files \
                that do not use it back, directly or through others):";
    let problems = [app(), core()]
        .iter()
        .flat_map(|c| circles(&graph(c)))
        .collect::<Vec<_>>();
    fail(&problems, rule);
}

#[test]
fn the_core_files_use_only_lower_layers() {
    let rule = "A core file uses only files in lower layers (the order in core/src/lib.rs's \
                doc comment; tests may also use `fixtures`):";
    fail(&layers(&core()), rule);
}

#[test]
fn persistence_denies_panics_by_lint() {
    let rule = "src/persistence.rs must not panic (every storage call can throw):";
    fail(&persistence_lints(&app()), rule);
}

// ---------------------------------------------------------------------------------------
// The rules on small in-memory trees
// ---------------------------------------------------------------------------------------

#[test]
fn layers_are_read_from_use_trees_and_the_order_in_lib_rs() {
    let core = Crate::of(
        "core/src",
        r#"
--- core/src/lib.rs
//! ```text
//! order → json → language → fixtures
//! ```
pub mod fixtures; pub mod json; pub mod language; pub mod order; pub mod stray;
--- core/src/json.rs
use crate::{language::Language, order::sorted};
#[cfg(test)]
mod tests { use crate::fixtures::data; }
--- core/src/language.rs
use super::json::Leaves; fn f() { crate::order::sorted() }
--- core/src/fixtures.rs
pub fn data() -> crate::language::Language {}
--- core/src/order.rs
--- core/src/stray.rs
"#,
    );
    assert_eq!(
        layers(&core),
        [
            "core/src/lib.rs:2: module `stray` is missing from the layer order",
            "core/src/json.rs:1: `json` (layer 2) uses `language` (layer 3), which is not below it",
        ]
    );
}

#[test]
fn circles_are_found_through_groups_renames_macros_and_re_exports() {
    let app = Crate::of(
        "src",
        r#"
--- src/lib.rs
mod a; mod b; pub mod c; pub use a::Thing;
--- src/a.rs
use crate::{b::{self as bee}}; pub struct Thing; fn f() { bee::g() }
--- src/b.rs
pub fn g() { format!("{}", super::c::X); }
--- src/c.rs
pub const X: u8 = 1;
fn h() -> crate::Thing {}
#[cfg(test)]
mod tests { use crate::b::g; }
"#,
    );
    assert_eq!(
        circles(&graph(&app)),
        [
            "src/a.rs (at src/a.rs:1) → src/b.rs (at src/b.rs:1) → src/c.rs (at src/c.rs:2) → \
          src/a.rs   [files in this knot: src/a.rs, src/b.rs, src/c.rs]"
        ]
    );
}

#[test]
fn storage_is_found_by_any_path_and_word() {
    let app = Crate::of(
        "src",
        r#"
--- src/lib.rs
mod p; mod persistence; mod q; mod r; mod s; mod t;
--- src/persistence.rs
pub use web_sys::Storage as Store; fn f(w: Window) { w.local_storage(); }
--- src/p.rs
use web_sys::Storage as S;
--- src/q.rs
use web_sys::{self as w};
fn f(_: w::Storage) {}
--- src/r.rs
fn f(_: crate::persistence::Store, _: web_sys::StorageEvent) {}
--- src/s.rs
fn f() -> Html { html! { <p>{ window().local_storage() }</p> } }
--- src/t.rs
use web_sys::*;
const KEY: &str = "localStorage";
"#,
    );
    assert_eq!(
        storage_outside_persistence(&[app]),
        [
            "src/p.rs:1: uses `web_sys::Storage` (as `web_sys::Storage`)",
            "src/q.rs:2: uses `web_sys::Storage` (as `w::Storage`)",
            "src/r.rs:1: uses `web_sys::Storage` (as `crate::persistence::Store`)",
            "src/s.rs:1: mentions `local_storage`",
            "src/t.rs:2: mentions `localStorage`",
            "src/t.rs:1: uses `web_sys::Storage` (as `web_sys::*`)",
        ]
    );
}

#[test]
fn the_root_component_is_found_wherever_it_is() {
    let app = Crate::of(
        "src",
        r#"
--- src/lib.rs
mod views; use views::app::App;
--- src/views/mod.rs
pub mod app; pub mod other;
pub use app::App as Root;
--- src/views/app.rs
#[component] pub fn App() -> Html { html! {} }
--- src/views/other.rs
fn f() -> Html { html! { <super::app::App /> } }
"#,
    );
    assert_eq!(
        root_component_imports(&app),
        [
            "src/views/mod.rs:2: uses the root component's file src/views/app.rs",
            "src/views/other.rs:1: uses the root component's file src/views/app.rs",
        ]
    );
}

#[test]
fn english_is_found_where_it_is_shown() {
    let app = Crate::of(
        "src",
        r#"
--- src/lib.rs
#![doc = "crate docs are comments"]
/// Doc comments are comments.
fn view(ui: &Ui) -> Html {
    html! {
        <div class="two words" data-do="more words" aria-labelledby="a-title b-desc" onclick={ui.go("Some words here")}>
            <p>{"Some words here"}</p>
            <p title="Some words here">{ for ui.items.iter().map(|i| html! {
                <li class={classes!("link danger-link", i.class)}>{ format!("{i} more words") }</li>
            }) }</p>
            if ui.shown { <p>{ "shown words" }</p> }
        </div>
    }
}
fn dom(e: &Element) {
    e.set_class_name("notice notice-error");
    let _ = e.set_attribute("class", "two words");
    let _ = e.set_attribute("aria-label", "Close this now");
    web_sys::console::warn_1(&"Some words here".into());
}
#[cfg(test)]
mod tests { const T: &str = "test words here"; }
"#,
    );
    let lines = [5, 6, 7, 8, 10, 17, 18];
    let texts = [
        "Some words here",
        "Some words here",
        "Some words here",
        "{i} more words",
    ];
    let texts = texts
        .into_iter()
        .chain(["shown words", "Close this now", "Some words here"]);
    let expected = lines
        .iter()
        .zip(texts)
        .map(|(n, t)| format!("src/lib.rs:{n}: {t:?}"));
    assert_eq!(english(&app), expected.collect::<Vec<_>>());
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

#[test]
fn browser_crates_are_found_in_manifests_and_code() {
    let manifest = r#"[dependencies]
w = { package = "web-sys" }
[target.'cfg(unix)'.dev-dependencies]
gloo-timers = "0.3"
[dependencies.serde]
"#;
    assert_eq!(
        browser_dependencies("Cargo.toml", manifest),
        [
            "Cargo.toml:2: depends on `web-sys`",
            "Cargo.toml:4: depends on `gloo-timers`"
        ]
    );
    let code = "--- core/src/lib.rs\n#[wasm_bindgen]\nfn f() { vec![js_sys::Array::new()]; }";
    assert_eq!(
        browser_in_code(&Crate::of("core/src", code)),
        [
            "core/src/lib.rs:1: names `wasm_bindgen`",
            "core/src/lib.rs:2: names `js_sys`"
        ]
    );
}

#[test]
fn the_persistence_lints_are_read() {
    let lints = "#![deny(clippy::unwrap_used, clippy::panic)]\n#![forbid(clippy::expect_used)]";
    let tree = format!("--- src/lib.rs\nmod persistence;\n--- src/persistence.rs\n{lints}");
    assert_eq!(
        persistence_lints(&Crate::of("src", &tree)),
        ["src/persistence.rs:1: `#![deny(clippy::indexing_slicing)]` is gone"]
    );
}
