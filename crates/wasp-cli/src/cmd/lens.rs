//! `wasp lens`: show, export, import and coverage of the Security Pillar lens (or any custom
//! lens), and the manual answers template.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use wasp_lens::{validate::limits::MAX_FILE_BYTES, Lens, LensMeta, Level};

use crate::exit;

#[derive(Debug, Args)]
pub struct LensArgs {
    #[command(subcommand)]
    command: LensCommand,
}

#[derive(Debug, Subcommand)]
enum LensCommand {
    /// List the questions and best practices, or detail one question (`wasp lens show SEC08`)
    Show(ShowArgs),
    /// Write the lens in the Well-Architected Tool custom lens JSON format
    Export(ExportArgs),
    /// Validate a custom lens (FILE or `-` for stdin) and optionally install it
    Import(ImportArgs),
    /// Which controls evidence each best practice, and which automatable ones have none
    Coverage(SourceArgs),
    /// Write a commented answers file for the best practices that need a manual answer
    AnswersTemplate(TemplateArgs),
}

#[derive(Debug, Args)]
pub(crate) struct SourceArgs {
    /// Use this custom lens instead of the built-in Security Pillar
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    lens: Option<PathBuf>,
    /// wasp sidecar (`*.wasp.json`) with best practice ids, risk levels and automation flags
    #[arg(long, value_name = "FILE", requires = "lens", help_heading = "Input")]
    meta: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// Question to detail: SEC08, sec08, or a best practice id such as SEC08-BP02
    question: Option<String>,
    #[command(flatten)]
    source: SourceArgs,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    output: Option<PathBuf>,
    /// Also write the wasp sidecar (best practice ids, risk levels, automation flags) to FILE
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    meta_output: Option<PathBuf>,
    #[command(flatten)]
    source: SourceArgs,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Lens JSON file, or `-` to read stdin
    file: String,
    /// wasp sidecar for the lens
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    meta: Option<PathBuf>,
    /// Save the validated lens (and sidecar) under `.wasp/lenses/` for `wasp review --lens`
    #[arg(long, help_heading = "Output")]
    install: bool,
    /// Directory used by --install
    #[arg(
        long,
        value_name = "DIR",
        default_value = ".wasp/lenses",
        help_heading = "Output"
    )]
    dir: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct TemplateArgs {
    /// Write to FILE instead of stdout (an existing file is not overwritten)
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    output: Option<PathBuf>,
    #[command(flatten)]
    source: SourceArgs,
}

pub fn run(args: LensArgs) -> anyhow::Result<ExitCode> {
    let out = io::stdout();
    let mut out = out.lock();
    let result = match args.command {
        LensCommand::Show(a) => show(&a, &mut out),
        LensCommand::Export(a) => export(&a, &mut out),
        LensCommand::Import(a) => import(&a, &mut out),
        LensCommand::Coverage(a) => coverage(&a, &mut out),
        LensCommand::AnswersTemplate(a) => template(&a, &mut out),
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::from(exit::OK)),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    wasp_core::io::is_broken_pipe(e.as_ref())
}

fn read_input(name: &str) -> anyhow::Result<String> {
    use wasp_core::io::{read_limited, read_limited_from, ReadError};
    // One byte over the lens limit, so that validation reports the size itself.
    let limit = MAX_FILE_BYTES as u64 + 1;
    let buf = if name == "-" {
        read_limited_from(io::stdin().lock(), limit)
    } else {
        read_limited(Path::new(name), limit)
    };
    let buf = match buf {
        Ok(b) => b,
        Err(ReadError::TooLarge { .. }) => bail!(
            "{name}: larger than the {} accepted for a lens",
            wasp_core::io::size(MAX_FILE_BYTES as u64)
        ),
        Err(ReadError::Io(e)) if name == "-" => bail!("cannot read stdin: {e}"),
        Err(ReadError::Io(e)) => bail!("cannot open {name}: {e}"),
        Err(e) => bail!("{name}: {e}"),
    };
    String::from_utf8(buf).with_context(|| format!("{name}: not UTF-8 text"))
}

fn read_meta(path: &Path) -> anyhow::Result<LensMeta> {
    let text = wasp_core::io::read_text(path, MAX_FILE_BYTES as u64)
        .with_context(|| format!("cannot read {}", path.display()))?;
    LensMeta::from_json(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Loads the built-in lens or `--lens FILE`; validation problems become one error listing
/// every issue with its JSON path.
pub(crate) fn load(source: &SourceArgs) -> anyhow::Result<Lens> {
    let Some(path) = &source.lens else {
        return Ok(Lens::builtin());
    };
    let name = path.display().to_string();
    let text = read_input(&name)?;
    let meta = source.meta.as_deref().map(read_meta).transpose()?;
    match Lens::import_str(&text, meta) {
        Ok((lens, _)) => Ok(lens),
        Err(e) => {
            let lines: Vec<String> = e.issues.iter().map(|i| format!("{name}: {i}")).collect();
            bail!("invalid custom lens\n{}", lines.join("\n"))
        }
    }
}

fn automated_word(b: bool) -> &'static str {
    if b {
        "automated"
    } else {
        "manual"
    }
}

fn risk_word(r: Option<wasp_lens::RiskLevel>) -> String {
    r.map(|r| r.to_string()).unwrap_or_else(|| "-".into())
}

fn show(a: &ShowArgs, w: &mut impl Write) -> anyhow::Result<ExitCode> {
    let lens = load(&a.source)?;
    match &a.question {
        None => show_all(&lens, w)?,
        Some(id) => {
            let q = lens
                .question(id)
                .or_else(|| lens.best_practice(id).map(|(q, _)| q));
            let Some(q) = q else {
                let known: Vec<&str> = lens.questions.iter().map(|q| q.label.as_str()).collect();
                bail!(
                    "no question or best practice `{id}` in lens `{}` (questions: {})",
                    lens.document.name,
                    known.join(", ")
                );
            };
            show_question(&lens, q, w)?;
        }
    }
    Ok(ExitCode::from(exit::OK))
}

fn show_all(lens: &Lens, w: &mut impl Write) -> io::Result<()> {
    let total = lens.best_practices().count();
    let automated = lens.best_practices().filter(|(_, b)| b.automated).count();
    writeln!(
        w,
        "{}: {} questions, {} best practices ({} automated, {} manual)",
        lens.document.name,
        lens.questions.len(),
        total,
        automated,
        total - automated
    )?;
    let id_width = lens
        .best_practices()
        .map(|(_, b)| b.id.chars().count())
        .max()
        .unwrap_or(10);
    for q in &lens.questions {
        writeln!(w)?;
        writeln!(w, "{} {}", q.label, q.title)?;
        for b in &q.best_practices {
            writeln!(
                w,
                "  {:<id_width$}  {:<6}  {:<9}  {}",
                b.id,
                risk_word(b.risk),
                automated_word(b.automated),
                b.title
            )?;
        }
    }
    Ok(())
}

fn show_question(lens: &Lens, q: &wasp_lens::QuestionInfo, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "{} {}", q.label, q.title)?;
    if let Some(d) = &q.description {
        writeln!(w, "{d}")?;
    }
    if let Some(u) = &q.helpful_url {
        writeln!(w, "More: {u}")?;
    }
    writeln!(w)?;
    writeln!(w, "Risk rules (first match wins):")?;
    for r in &q.rules {
        writeln!(w, "  {:<11}  {}", r.risk.as_str(), r.condition)?;
    }
    if let Some(none) = &q.none_choice {
        writeln!(w, "  (\"None of these\" is choice `{none}`)")?;
    }
    for b in &q.best_practices {
        writeln!(w)?;
        writeln!(w, "{} {}", b.id, b.title)?;
        writeln!(
            w,
            "  choice `{}` · risk if not established: {} · {}",
            b.choice_id,
            risk_word(b.risk),
            if b.automated {
                "evidenced from configuration"
            } else {
                "answered manually"
            }
        )?;
        if let Some(d) = &b.description {
            writeln!(w, "  {d}")?;
        }
        if b.helpful_text.is_some() || b.helpful_url.is_some() {
            writeln!(
                w,
                "  Helpful resource: {}{}",
                b.helpful_text.as_deref().unwrap_or(""),
                b.helpful_url
                    .as_deref()
                    .map(|u| format!(" <{u}>"))
                    .unwrap_or_default()
            )?;
        }
        if b.improvement_text.is_some() || b.improvement_url.is_some() {
            writeln!(
                w,
                "  Improvement plan: {}{}",
                b.improvement_text.as_deref().unwrap_or(""),
                b.improvement_url
                    .as_deref()
                    .map(|u| format!(" <{u}>"))
                    .unwrap_or_default()
            )?;
        }
        if !b.automated {
            if let Some(h) = &b.hint {
                writeln!(w, "  Evidence to record: {h}")?;
            }
        }
    }
    let _ = lens;
    Ok(())
}

fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

fn export(a: &ExportArgs, w: &mut impl Write) -> anyhow::Result<ExitCode> {
    let lens = load(&a.source)?;
    // The export must stay importable by the Well-Architected Tool.
    if let Err(e) = wasp_lens::validate::validate_document(&lens.document) {
        bail!("the lens does not fit the custom lens format: {e}");
    }
    let json = lens.export_json();
    match &a.output {
        Some(p) => write_file(p, &json)?,
        None => w.write_all(json.as_bytes())?,
    }
    if let Some(p) = &a.meta_output {
        match &lens.meta {
            Some(m) => write_file(p, &m.to_json_pretty())?,
            None => bail!("this lens has no wasp sidecar to write"),
        }
    }
    Ok(ExitCode::from(exit::OK))
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "lens".into()
    } else {
        s
    }
}

fn import(a: &ImportArgs, w: &mut impl Write) -> anyhow::Result<ExitCode> {
    let name = if a.file == "-" {
        "<stdin>".to_string()
    } else {
        a.file.clone()
    };
    let text = read_input(&a.file)?;
    let meta = a.meta.as_deref().map(read_meta).transpose()?;
    let explicit_meta = meta.is_some();
    let (lens, warnings) = match Lens::import_str(&text, meta) {
        Ok(ok) => ok,
        Err(e) => {
            let mut err = io::stderr().lock();
            for i in &e.issues {
                writeln!(err, "{name}: {i}")?;
            }
            let n = e.issues.iter().filter(|i| i.level == Level::Error).count();
            writeln!(
                err,
                "error: {name}: invalid custom lens, {n} error(s); nothing imported"
            )?;
            return Ok(ExitCode::from(exit::USAGE_OR_INPUT));
        }
    };
    {
        let mut err = io::stderr().lock();
        for i in &warnings {
            writeln!(err, "{name}: {i}")?;
        }
    }
    let bps = lens.best_practices().count();
    let choices: usize = lens
        .document
        .questions()
        .map(|(_, q)| q.choices.len())
        .sum();
    let known = lens
        .best_practices()
        .filter(|(_, b)| b.risk.is_some())
        .count();
    writeln!(
        w,
        "{name}: valid custom lens `{}`: {} pillar(s), {} question(s), {} choice(s), {} best practice(s), {} warning(s)",
        lens.document.name,
        lens.document.pillars.len(),
        lens.questions.len(),
        choices,
        bps,
        warnings.len()
    )?;
    writeln!(
        w,
        "wasp facts (best practice id, risk level, automation) known for {known} of {bps} best practice(s)"
    )?;
    if a.install {
        let base = a.dir.join(slug(&lens.document.name));
        let lens_path = base.with_extension("json");
        write_file(&lens_path, &lens.export_json())?;
        writeln!(w, "installed {}", lens_path.display())?;
        if explicit_meta {
            if let Some(m) = &lens.meta {
                let meta_path = base.with_extension("wasp.json");
                write_file(&meta_path, &m.to_json_pretty())?;
                writeln!(w, "installed {}", meta_path.display())?;
            }
        }
        writeln!(w, "use it with: wasp review --lens {}", lens_path.display())?;
    }
    Ok(ExitCode::from(exit::OK))
}

fn coverage(a: &SourceArgs, w: &mut impl Write) -> anyhow::Result<ExitCode> {
    let lens = load(a)?;
    let c = wasp_engine::coverage(&lens);
    wasp_report::render::render_coverage(&c, &lens.document.name, w)?;
    Ok(ExitCode::from(exit::OK))
}

pub(crate) fn template(a: &TemplateArgs, w: &mut impl Write) -> anyhow::Result<ExitCode> {
    let lens = load(&a.source)?;
    let text = wasp_lens::answers::init_template(&lens);
    match &a.output {
        Some(p) => {
            if p.exists() {
                bail!("{} already exists; not overwriting it", p.display());
            }
            write_file(p, &text)?;
            writeln!(w, "wrote {}", p.display())?;
        }
        None => w.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::from(exit::OK))
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(slug("wasp Security Pillar"), "wasp-security-pillar");
        assert_eq!(slug("  A -- B!"), "a-b");
        assert_eq!(slug("ü"), "lens");
    }
}
