//! Output options shared by `wasp scan` and `wasp review`: `--format` is repeatable and each
//! `--output FILE` belongs to the `--format` before it on the command line:
//!
//! ```text
//! wasp scan examples -f text -f sarif -o out.sarif -f junit -o junit.xml
//! ```
//!
//! writes text to stdout, SARIF to `out.sarif` and JUnit XML to `junit.xml` from one scan.
//! A format without `--output` (or with `--output -`) goes to stdout, and at most one may.
//! A single `--output` with a single `--format` may come in either order.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};
use clap::builder::EnumValueParser;
use clap::{value_parser, Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches, ValueEnum};

/// Where one format goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target<F> {
    pub format: F,
    /// `None`: stdout.
    pub path: Option<PathBuf>,
}

/// The `--format` / `--output` pairs of a command, in command-line order, or why they do
/// not pair (a usage error, reported by [`OutputArgs::targets`] before any work is done).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputArgs<F> {
    targets: Result<Vec<Target<F>>, String>,
    _format: PhantomData<F>,
}

impl<F: Copy + PartialEq> OutputArgs<F> {
    /// The targets, or the usage error of `--format` / `--output`.
    pub fn targets(&self) -> Result<&[Target<F>]> {
        self.targets.as_deref().map_err(|e| anyhow!("{e}"))
    }
}

const FORMAT: &str = "format";
const OUTPUT: &str = "output";

impl<F> Args for OutputArgs<F>
where
    F: ValueEnum + Clone + Copy + Default + Send + Sync + 'static,
{
    fn augment_args(cmd: Command) -> Command {
        let default = F::default()
            .to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        cmd.arg(
            Arg::new(FORMAT)
                .long("format")
                .short('f')
                .value_name("FORMAT")
                .action(ArgAction::Append)
                .value_parser(EnumValueParser::<F>::new())
                .help(format!(
                    "Output format; repeatable, each with its own --output [default: {default}]"
                ))
                .help_heading("Output"),
        )
        .arg(
            Arg::new(OUTPUT)
                .long("output")
                .short('o')
                .value_name("FILE")
                .action(ArgAction::Append)
                .value_parser(value_parser!(PathBuf))
                .help(
                    "Write the --format given just before to FILE instead of stdout (`-` is \
                     stdout); at most one format may go to stdout",
                )
                .help_heading("Output"),
        )
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl<F> FromArgMatches for OutputArgs<F>
where
    F: ValueEnum + Clone + Copy + Default + Send + Sync + 'static,
{
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let formats: Vec<(usize, F)> = match (m.indices_of(FORMAT), m.get_many::<F>(FORMAT)) {
            (Some(i), Some(v)) => i.zip(v.copied()).collect(),
            _ => Vec::new(),
        };
        let outputs: Vec<(usize, PathBuf)> = match (m.indices_of(OUTPUT), m.get_many(OUTPUT)) {
            (Some(i), Some(v)) => i.zip(v.cloned()).collect(),
            _ => Vec::new(),
        };
        Ok(OutputArgs {
            targets: pair(&formats, &outputs),
            _format: PhantomData,
        })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

fn name<F: ValueEnum>(f: &F) -> String {
    f.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// Pairs each `--output` (by its position on the command line) with the `--format` before
/// it, and checks that at most one format goes to stdout.
fn pair<F: ValueEnum + Copy + Default>(
    formats: &[(usize, F)],
    outputs: &[(usize, PathBuf)],
) -> Result<Vec<Target<F>>, String> {
    let formats: Vec<(usize, F)> = if formats.is_empty() {
        vec![(0, F::default())]
    } else {
        formats.to_vec()
    };
    let mut paths: Vec<Option<PathBuf>> = vec![None; formats.len()];
    for (at, path) in outputs {
        let owner = match formats.iter().rposition(|(i, _)| i < at) {
            Some(k) => k,
            // `-o FILE -f json`: allowed when there is nothing else to pair.
            None if formats.len() == 1 && outputs.len() == 1 => 0,
            None => {
                return Err(format!(
                    "`--output {}` comes before any `--format`: give each `--output FILE` right \
                     after the `--format` it is for (`-f sarif -o out.sarif`)",
                    path.display()
                ))
            }
        };
        if paths[owner].is_some() {
            return Err(format!(
                "`--format {}` has more than one `--output`; repeat `--format` for each file",
                name(&formats[owner].1)
            ));
        }
        paths[owner] = Some(path.clone());
    }
    let targets: Vec<Target<F>> = formats
        .iter()
        .zip(paths)
        .map(|((_, format), path)| Target {
            format: *format,
            path: path.filter(|p| p.as_os_str() != "-"),
        })
        .collect();
    let to_stdout: Vec<String> = targets
        .iter()
        .filter(|t| t.path.is_none())
        .map(|t| name(&t.format))
        .collect();
    if to_stdout.len() > 1 {
        return Err(format!(
            "{} formats would go to stdout ({}): at most one may; give the others \
             `--output FILE` right after their `--format`",
            to_stdout.len(),
            to_stdout.join(", ")
        ));
    }
    for (i, t) in targets.iter().enumerate() {
        if let Some(p) = &t.path {
            if targets[..i].iter().any(|u| u.path.as_ref() == Some(p)) {
                return Err(format!(
                    "two formats would be written to {}; give each its own file",
                    p.display()
                ));
            }
        }
    }
    Ok(targets)
}

/// Writes every target: a file is created (or truncated), written whole and flushed; stdout
/// is locked, and a closed pipe on it is not an error. `render` gets the format, the writer
/// and whether it is stdout (terminal colors apply only there). Every target is attempted;
/// the errors, each with its path, are reported together.
pub fn write_all<F: Copy>(
    targets: &[Target<F>],
    mut render: impl FnMut(F, &mut dyn Write, bool) -> io::Result<()>,
) -> Result<()> {
    let mut failed = Vec::new();
    for t in targets {
        match &t.path {
            None => {
                let stdout = io::stdout();
                let mut out = BufWriter::new(stdout.lock());
                let written = render(t.format, &mut out, true).and_then(|()| out.flush());
                if let Err(e) = wasp_core::io::quiet_broken_pipe(written) {
                    failed.push(format!("cannot write to stdout: {e}"));
                }
            }
            Some(path) => {
                if let Err(e) = write_file(path, |out| render(t.format, out, false)) {
                    failed.push(format!("cannot write {}: {e}", path.display()));
                }
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(anyhow!(failed.join("\n")))
    }
}

/// Opens a target for writing as a scan goes: stdout (locked), or the file, created (or
/// truncated) now and synced to disk when flushed.
pub fn open(path: Option<&Path>) -> io::Result<Box<dyn Write>> {
    Ok(match path {
        None => Box::new(BufWriter::new(io::stdout().lock())),
        Some(p) => Box::new(Synced(BufWriter::new(File::create(p)?))),
    })
}

/// A buffered file whose `flush` also syncs it to disk.
struct Synced(BufWriter<File>);

impl Write for Synced {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()?;
        self.0.get_ref().sync_all()
    }
}

fn write_file(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = File::create(path)?;
    let mut out = BufWriter::new(file);
    render(&mut out)?;
    out.flush()?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
    enum Fmt {
        #[default]
        Text,
        Json,
        Sarif,
    }

    fn targets(
        f: &[(usize, Fmt)],
        o: &[(usize, &str)],
    ) -> Result<Vec<(Fmt, Option<String>)>, String> {
        let o: Vec<(usize, PathBuf)> = o.iter().map(|(i, p)| (*i, PathBuf::from(p))).collect();
        pair(f, &o).map(|t| {
            t.into_iter()
                .map(|t| (t.format, t.path.map(|p| p.display().to_string())))
                .collect()
        })
    }

    #[test]
    fn each_output_belongs_to_the_format_before_it() {
        let t = targets(
            &[(1, Fmt::Text), (3, Fmt::Sarif), (7, Fmt::Json)],
            &[(5, "out.sarif"), (9, "out.json")],
        )
        .unwrap();
        assert_eq!(
            t,
            vec![
                (Fmt::Text, None),
                (Fmt::Sarif, Some("out.sarif".into())),
                (Fmt::Json, Some("out.json".into())),
            ]
        );
    }

    #[test]
    fn no_format_means_the_default_and_a_lone_output_pairs_either_way() {
        assert_eq!(targets(&[], &[]).unwrap(), vec![(Fmt::Text, None)]);
        assert_eq!(
            targets(&[], &[(2, "x.txt")]).unwrap(),
            vec![(Fmt::Text, Some("x.txt".into()))]
        );
        assert_eq!(
            targets(&[(4, Fmt::Json)], &[(2, "x.json")]).unwrap(),
            vec![(Fmt::Json, Some("x.json".into()))]
        );
    }

    #[test]
    fn usage_errors() {
        let two_stdout = targets(&[(1, Fmt::Text), (3, Fmt::Json)], &[]).unwrap_err();
        assert!(two_stdout.contains("text, json"), "{two_stdout}");
        let dash = targets(&[(1, Fmt::Text), (3, Fmt::Json)], &[(5, "-")]).unwrap_err();
        assert!(dash.contains("stdout"), "{dash}");
        let before = targets(&[(3, Fmt::Text), (5, Fmt::Json)], &[(1, "a")]).unwrap_err();
        assert!(before.contains("before any `--format`"), "{before}");
        let twice = targets(&[(1, Fmt::Json)], &[(3, "a"), (5, "b")]).unwrap_err();
        assert!(twice.contains("more than one `--output`"), "{twice}");
        let same = targets(&[(1, Fmt::Json), (5, Fmt::Sarif)], &[(3, "a"), (7, "a")]).unwrap_err();
        assert!(same.contains("two formats would be written to a"), "{same}");
    }
}
