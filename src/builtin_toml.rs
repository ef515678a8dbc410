//! The built-in TOML documents (the Word profiles, the front matter of the built-in templates)
//! as JSON, converted by `build.rs`: serde_json reads one in a small part of what the TOML
//! parser takes, and a one-speech render reads two of them. Text that is not exactly a
//! built-in document is left to the TOML parser, which also gives the positioned errors.

use serde::de::DeserializeOwned;

include!(concat!(env!("OUT_DIR"), "/builtin_toml.rs"));

/// `toml_text` read into `T` from its JSON form, when it is exactly a built-in document;
/// `None` for any other text (and for a type the JSON does not fit, which the tests rule out).
pub fn read<T: DeserializeOwned>(toml_text: &str) -> Option<T> {
    let (_, json) = BUILTIN_TOML.iter().find(|(toml, _)| *toml == toml_text)?;
    serde_json::from_str(json).ok()
}

#[cfg(test)]
mod tests {
    use super::{BUILTIN_TOML, read};
    use crate::render::profile::Profile;
    use crate::template::BUILTIN;
    use crate::template::front_matter::FrontMatter;
    use std::path::Path;

    #[test]
    fn every_built_in_profile_reads_the_same_from_json_as_from_toml() {
        for (name, _) in Profile::builtin_names() {
            let source = Profile::builtin_source(name).unwrap();
            let from_toml = Profile::parse(source, Path::new(name)).unwrap();
            assert_eq!(read::<Profile>(source), Some(from_toml.clone()), "{name}");
            assert_eq!(Profile::builtin(name), Some(from_toml), "{name}");
        }
    }

    #[test]
    fn every_built_in_front_matter_reads_the_same_from_json_as_from_toml() {
        for (file, source) in BUILTIN {
            let (_, text) = crate::template::compact::front_matter(source).unwrap();
            let from_toml: FrontMatter = toml::from_str(text).unwrap();
            assert_eq!(read::<FrontMatter>(text), Some(from_toml.clone()), "{file}");
            assert_eq!(
                FrontMatter::parse(source, Path::new(file)).unwrap(),
                from_toml,
                "{file}"
            );
        }
        assert_eq!(
            BUILTIN_TOML.len(),
            BUILTIN.len() + Profile::builtin_names().len()
        );
    }

    #[test]
    fn other_text_is_left_to_the_toml_parser() {
        let source = Profile::builtin_source("official").unwrap();
        assert_eq!(read::<Profile>(&source.replacen('\n', "\n\n", 1)), None);
    }
}
