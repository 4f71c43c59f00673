//! Former ids and names of renamed controls.
//!
//! A control's id is never reused, but a control can be renamed (a clearer id or name, a control
//! moved to another service). Users have written the old name in suppression comments,
//! `[[ignore]]` entries, selectors and baselines: an alias keeps each of them working, and the
//! engine names the control by its current id everywhere it reports.

/// One renamed control: `old` (a former id or name) now reads `new` (the current id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    pub old: &'static str,
    pub new: &'static str,
}

/// A table of aliases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Aliases(pub &'static [Alias]);

impl Aliases {
    /// The current id of a former id or name (case-insensitive), if it is one.
    pub fn current(&self, old: &str) -> Option<&'static str> {
        self.0
            .iter()
            .find(|a| a.old.eq_ignore_ascii_case(old))
            .map(|a| a.new)
    }

    /// The former ids and names of a control, by its current id.
    pub fn former<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.0
            .iter()
            .filter(move |a| a.new.eq_ignore_ascii_case(id))
            .map(|a| a.old)
    }

    /// `name` with a former id or name replaced by the current id.
    pub fn resolve<'a>(&self, name: &'a str) -> &'a str {
        self.current(name).unwrap_or(name)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: &[Alias] = &[
        Alias {
            old: "WASP-OLD-001",
            new: "WASP-S3-001",
        },
        Alias {
            old: "s3-encryption-off",
            new: "WASP-S3-001",
        },
    ];

    #[test]
    fn resolves_old_names_to_the_current_id() {
        let a = Aliases(TABLE);
        assert_eq!(a.current("wasp-old-001"), Some("WASP-S3-001"));
        assert_eq!(a.resolve("S3-ENCRYPTION-OFF"), "WASP-S3-001");
        assert_eq!(a.resolve("WASP-S3-002"), "WASP-S3-002");
        assert_eq!(
            a.former("WASP-S3-001").collect::<Vec<_>>(),
            ["WASP-OLD-001", "s3-encryption-off"]
        );
        assert_eq!(a.former("WASP-S3-002").count(), 0);
        assert!(Aliases::default().is_empty());
    }
}
