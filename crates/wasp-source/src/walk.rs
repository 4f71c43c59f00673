//! The one directory walk: every file below the given paths, honouring `.gitignore` and the
//! configuration's `exclude`, in a deterministic order. Sources then claim what they read
//! ([`crate::Source::claim`]).

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use wasp_core::{InputError, Pos};

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Every file, sorted, without duplicates.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked.
    pub errors: Vec<InputError>,
}

/// Walks `paths` (files and directories), leaving out what `exclude` matches below them (a
/// path given explicitly is always walked). Hidden entries and what `.gitignore` files ignore
/// are left out; links are not followed.
pub fn walk(paths: &[PathBuf], exclude: Option<&PathMatcher>) -> Walked {
    let exclude = exclude.filter(|m| !m.is_empty()).cloned().map(Arc::new);
    let mut out = Walked::default();
    for root in paths {
        if !root.exists() {
            out.errors.push(InputError::new(
                root,
                Pos::NONE,
                "no such file or directory",
            ));
            continue;
        }
        let mut builder = ignore::WalkBuilder::new(root);
        builder
            .hidden(true)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(true)
            .require_git(false)
            .follow_links(false);
        if let Some(m) = &exclude {
            let m = Arc::clone(m);
            builder.filter_entry(move |e| e.depth() == 0 || !m.matches(e.path()));
        }
        // The walk is mostly system calls (directory listings, ignore files): walk with every
        // core, then sort what was found so the result does not depend on the schedule.
        let (tx, rx) = std::sync::mpsc::channel();
        builder.build_parallel().run(|| {
            let tx = tx.clone();
            Box::new(move |entry| {
                // The receiver lives until the walk ends.
                let _ = tx.send(entry);
                ignore::WalkState::Continue
            })
        });
        drop(tx);
        for entry in rx {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = match &err {
                        ignore::Error::WithPath { path, .. } => path.clone(),
                        _ => root.clone(),
                    };
                    out.errors
                        .push(InputError::new(path, Pos::NONE, err.to_string()));
                    continue;
                }
            };
            if entry.file_type().is_some_and(|t| t.is_file()) {
                out.files.push(entry.into_path());
            }
        }
    }
    out.files.sort_unstable_by(|a, b| path_order(a, b));
    out.files.dedup();
    out
}

/// The order of paths by component, as `Path`'s own `Ord` (`a/x` before `a-b/x`), computed on
/// the bytes: a separator sorts before every other byte. For the paths a walk produces (no
/// `.` or empty components past the start), the two orders are the same; this one costs a
/// byte comparison instead of splitting both paths into components.
pub fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let key = |c: u8| {
        if c == b'/' {
            0
        } else {
            c.saturating_add(1).max(1)
        }
    };
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    let n = a.len().min(b.len());
    for i in 0..n {
        if a[i] != b[i] {
            // 0xFF and 0xFE both map to 0xFF; they are then ordered by the bytes themselves.
            return key(a[i]).cmp(&key(b[i])).then(a[i].cmp(&b[i]));
        }
    }
    a.len().cmp(&b.len())
}

/// The extension of a path, lower case (`""` when it has none).
pub fn extension(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Path patterns relative to a base directory (the configuration file's), as `exclude` and
/// `[[ignore]] path` use them, in the manner of ruff's `exclude`:
///
/// - a pattern without `/` matches a file or directory name at any depth (`vendor`, `*.bak`);
/// - a pattern with `/` matches the path relative to the base (`legacy/**`, `infra/old/*.tf`),
///   a leading `/` or `./` being the base itself;
/// - a pattern that matches a directory matches everything below it;
/// - `*` and `?` do not cross `/`; `**` does; `{a,b}` and `[ab]` as in globset.
#[derive(Debug, Clone)]
pub struct PathMatcher {
    base: PathBuf,
    base_canonical: Option<PathBuf>,
    anywhere: GlobSet,
    rooted: GlobSet,
    patterns: Vec<String>,
}

/// A pattern that is not a valid glob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Index of the pattern in the list given.
    pub index: usize,
    pub message: String,
}

impl PathMatcher {
    /// Compiles patterns relative to `base` (made absolute against the current directory).
    pub fn new(base: &Path, patterns: &[impl AsRef<str>]) -> Result<PathMatcher, PatternError> {
        let mut anywhere = GlobSetBuilder::new();
        let mut rooted = GlobSetBuilder::new();
        let mut kept = Vec::new();
        for (index, p) in patterns.iter().enumerate() {
            let raw = p.as_ref().trim();
            let err = |message: String| PatternError { index, message };
            let mut pat = raw;
            while let Some(rest) = pat.strip_prefix("./") {
                pat = rest;
            }
            let is_rooted = pat.starts_with('/') || pat.trim_end_matches('/').contains('/');
            let pat = pat.trim_start_matches('/').trim_end_matches('/');
            if pat.is_empty() || pat == "." {
                return Err(err(format!(
                    "empty path pattern `{raw}` (it would match everything)"
                )));
            }
            if pat.split('/').any(|c| c == "..") {
                return Err(err(format!(
                    "path pattern `{raw}` leaves the configuration's directory (`..`)"
                )));
            }
            let glob = GlobBuilder::new(pat)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| err(format!("invalid path pattern `{raw}`: {}", e.kind())))?;
            if is_rooted {
                rooted.add(glob);
            } else {
                anywhere.add(glob);
            }
            kept.push(raw.to_string());
        }
        let build = |b: GlobSetBuilder| {
            b.build().map_err(|e| PatternError {
                index: 0,
                message: format!("invalid path patterns: {e}"),
            })
        };
        let base = absolute(base);
        Ok(PathMatcher {
            base_canonical: base.canonicalize().ok(),
            base,
            anywhere: build(anywhere)?,
            rooted: build(rooted)?,
            patterns: kept,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The patterns, as written.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// `path` (absolute, or relative to the current directory) relative to the base, with `/`
    /// separators; `None` when it is not below the base.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let abs = absolute(path);
        let rel = match abs.strip_prefix(&self.base) {
            Ok(r) => r.to_path_buf(),
            Err(_) => {
                // Symbolic links (a temporary directory behind a link, say): compare the real
                // paths.
                let real = path.canonicalize().ok()?;
                real.strip_prefix(self.base_canonical.as_ref()?)
                    .ok()?
                    .to_path_buf()
            }
        };
        let parts: Vec<&str> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            })
            .collect();
        Some(parts.join("/"))
    }

    /// Whether a pattern matches `path` or one of its directories below the base.
    pub fn matches(&self, path: &Path) -> bool {
        if self.is_empty() {
            return false;
        }
        let Some(rel) = self.relative(path) else {
            return false;
        };
        self.matches_relative(&rel)
    }

    /// [`Self::matches`] for a path already relative to the base (`/` separators).
    pub fn matches_relative(&self, rel: &str) -> bool {
        if rel.is_empty() {
            return false;
        }
        if rel.split('/').any(|c| self.anywhere.is_match(c)) {
            return true;
        }
        if self.rooted.is_empty() {
            return false;
        }
        let mut end = 0;
        loop {
            let next = rel[end..].find('/').map(|i| end + i);
            let prefix = &rel[..next.unwrap_or(rel.len())];
            if self.rooted.is_match(prefix) {
                return true;
            }
            match next {
                Some(i) => end = i + 1,
                None => return false,
            }
        }
    }
}

/// `p` made absolute against the current directory, with `.` and `..` resolved lexically.
pub fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(patterns: &[&str]) -> PathMatcher {
        PathMatcher::new(Path::new("/repo"), patterns).unwrap()
    }

    #[test]
    fn path_order_is_the_order_of_components() {
        let names = [
            "a", "a-b", "a.b", "a/b", "a/b/c", "a/b-c", "a/bc", "ab", "a!", "b", "a/a", "a0", "A",
            "a/b/c.tf", "a/b.tf", "z", "a b", "a/\u{e9}",
        ];
        let mut by_components: Vec<&Path> = names.iter().map(Path::new).collect();
        let mut by_bytes = by_components.clone();
        by_components.sort();
        by_bytes.sort_by(|a, b| path_order(a, b));
        assert_eq!(by_components, by_bytes);
        for a in &names {
            for b in &names {
                assert_eq!(
                    Path::new(a).cmp(Path::new(b)),
                    path_order(Path::new(a), Path::new(b)),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn bare_names_match_at_any_depth() {
        let v = m(&["vendor", "*.bak"]);
        assert!(v.matches_relative("vendor/x/main.tf"));
        assert!(v.matches_relative("a/b/vendor/main.tf"));
        assert!(v.matches_relative("a/old.bak"));
        assert!(!v.matches_relative("vendors/main.tf"));
        assert!(!v.matches_relative("a/main.tf"));
    }

    #[test]
    fn patterns_with_a_slash_are_relative_to_the_base() {
        let v = m(&["legacy/**", "./infra/old/*.tf", "/top.yaml", "modules/"]);
        assert!(v.matches_relative("legacy/a/b.yaml"));
        assert!(!v.matches_relative("x/legacy/a.yaml"));
        assert!(v.matches_relative("infra/old/main.tf"));
        assert!(
            !v.matches_relative("infra/old/sub/main.tf"),
            "* does not cross /"
        );
        assert!(v.matches_relative("top.yaml"));
        assert!(!v.matches_relative("a/top.yaml"));
        assert!(
            v.matches_relative("modules/net/main.tf"),
            "a directory covers its files"
        );
        assert!(v.matches(Path::new("/repo/legacy/t.yaml")));
        assert!(v.matches(Path::new("/repo/./x/../legacy/t.yaml")));
        assert!(!v.matches(Path::new("/elsewhere/legacy/t.yaml")));
        assert_eq!(
            v.relative(Path::new("/repo/a/b.tf")).as_deref(),
            Some("a/b.tf")
        );
    }

    #[test]
    fn bad_patterns_are_errors_with_their_index() {
        let e = PathMatcher::new(Path::new("/r"), &["ok/**", "a/[b"]).unwrap_err();
        assert_eq!(e.index, 1);
        assert!(e.message.contains("a/[b"), "{}", e.message);
        assert!(PathMatcher::new(Path::new("/r"), &["/"]).is_err());
        assert!(PathMatcher::new(Path::new("/r"), &["../x"]).is_err());
        assert!(m(&[]).is_empty());
        assert!(!m(&[]).matches(Path::new("/repo/a")));
    }

    #[test]
    fn exclude_prunes_the_walk_but_not_explicit_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["a/main.tf", "vendor/b/main.tf", "c/t.yaml", "c/skip.yaml"] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let ex = PathMatcher::new(root, &["vendor", "c/skip.yaml"]).unwrap();
        let d = walk(&[root.to_path_buf()], Some(&ex));
        assert_eq!(d.files, [root.join("a/main.tf"), root.join("c/t.yaml")]);
        let d = walk(&[root.join("c/skip.yaml")], Some(&ex));
        assert_eq!(d.files, [root.join("c/skip.yaml")]);
    }
}
