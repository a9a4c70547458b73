//! `svoboda letters pdf`: on a letters volunteer's computer, the pages to
//! print from a sealed export of a campaign's letters.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::CliError;
use super::signatures::output;
use crate::letters::{export, pdf};
use crate::petition::seal::Opener;

pub fn pdf(identity: &Path, file: &Path, out_path: Option<&Path>) -> Result<(), CliError> {
    if out_path.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "the PDF goes to standard output: redirect it (> letters.pdf) or use --out FILE".into(),
        ));
    }
    let key_text = std::fs::read_to_string(identity).map_err(|e| CliError::io(identity, e))?;
    let mut opener = Opener::from_identity_file(&key_text)
        .map_err(|e| CliError::Usage(format!("{}: {e}", identity.display())))?;
    let input = std::fs::File::open(file).map_err(|e| CliError::io(file, e))?;
    let opened = export::open(std::io::BufReader::new(input), &mut opener)
        .map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
    if opened.not_sealed_to_this_key > 0 {
        eprintln!(
            "{} letter(s) were not sealed to this identity's key (sealed before it was added, or to other organisers' keys only): open them with another organiser's identity",
            opened.not_sealed_to_this_key
        );
    }
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
