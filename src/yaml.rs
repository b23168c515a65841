//! Small helpers shared by the YAML loaders (roster, rules, config).

use std::fmt;

/// A serde visitor for a scalar that is checked while the parser still knows where it is, so
/// an error points at the value's own line and column rather than its enclosing mapping.
pub(crate) struct Checked<F, T>(pub &'static str, pub F)
where
    F: FnOnce(&str) -> Result<T, String>;

impl<'de, F, T> serde::de::Visitor<'de> for Checked<F, T>
where
    F: FnOnce(&str) -> Result<T, String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(E::custom)
    }

    // Unquoted numbers and booleans reach here as their own types; ids like `1001` are fine.
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }
}
