//! `svoboda letters pdf`: on a letters volunteer's computer, the pages to
//! print from a sealed export of a campaign's letters.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::CliError;
use super::signatures::{opener_and_input, output, report_other_keys};
use crate::letters::{export, pdf};

pub fn pdf(identity: &Path, file: &Path, out_path: Option<&Path>) -> Result<(), CliError> {
    if out_path.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "the PDF goes to standard output: redirect it (> letters.pdf) or use --out FILE".into(),
        ));
    }
    let (mut opener, input) = opener_and_input(identity, file)?;
    let opened = export::open(input, &mut opener)
        .map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
    report_other_keys(opened.not_sealed_to_this_key, "letter");
    let bytes = pdf::render(&opened).map_err(|e| CliError::Usage(e.to_string()))?;
    let mut out = output(out_path)?;
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::io(Path::new("-"), e))?;
    let numbers: Vec<String> = opened
        .letters
        .iter()
        .map(|l| l.number.to_string())
        .collect();
    eprintln!(
        "{}: {} letter(s) to print: No {}; mark each sent in the workspace once posted",
        opened.campaign,
        opened.letters.len(),
        numbers.join(", ")
    );
    Ok(())
}
