//! The fields of a record (a JSON Lines object, a CSV or TSV row) and the
//! names they go by in the input.
//!
//! A record's fields are [`Field::Id`], [`Field::Text`] or [`Field::Html`],
//! [`Field::Title`], [`Field::Date`], [`Field::Url`], [`Field::Source`]
//! (the outlet) and [`Field::Lang`], named `id`, `text`, `html`, `title`,
//! `date`, `url`, `source` and `lang` unless a [`FieldMap`] says otherwise
//! (`--field text=body,date=published_at`). Other keys or columns are
//! ignored.

use std::fmt;

/// A field of a record that the reader uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The document's id.
    Id,
    /// Its text (plain or Markdown; sniffed).
    Text,
    /// Its text as HTML.
    Html,
    /// Its title.
    Title,
    /// Its date.
    Date,
    /// Its URL.
    Url,
    /// Its outlet.
    Source,
    /// Its language.
    Lang,
}

impl Field {
    /// Every field, in the order of [`Field::index`].
    pub const ALL: [Field; 8] = [
        Field::Id,
        Field::Text,
        Field::Html,
        Field::Title,
        Field::Date,
        Field::Url,
        Field::Source,
        Field::Lang,
    ];

    /// The field's own name (the key it has unless mapped).
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Text => "text",
            Field::Html => "html",
            Field::Title => "title",
            Field::Date => "date",
            Field::Url => "url",
            Field::Source => "source",
            Field::Lang => "lang",
        }
    }

    /// Its index in [`Field::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The key (JSON) or column name (CSV, TSV) of each field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMap {
    keys: [String; 8],
}

impl Default for FieldMap {
    fn default() -> FieldMap {
        FieldMap {
            keys: Field::ALL.map(|f| f.name().to_owned()),
        }
    }
}

impl FieldMap {
    /// The map `--field` describes: each item `FIELD=KEY` (items may also
    /// be joined with commas), the rest keeping their own names. An unknown
    /// field, an empty key or two fields given the same key is an error.
    pub fn parse<S: AsRef<str>>(items: &[S]) -> Result<FieldMap, String> {
        let mut map = FieldMap::default();
        let mut given = [false; 8];
        for item in items.iter().flat_map(|s| s.as_ref().split(',')) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let (field, key) = item
                .split_once('=')
                .ok_or_else(|| format!("--field {item}: expected FIELD=NAME, e.g. text=body"))?;
            let field = Field::from_name(field.trim()).ok_or_else(|| {
                format!(
                    "--field {item}: unknown field `{}` (fields: {})",
                    field.trim(),
                    Field::ALL.map(Field::name).join(", ")
                )
            })?;
            let key = key.trim();
            if key.is_empty() {
                return Err(format!("--field {item}: the name is empty"));
            }
            if given[field.index()] {
                return Err(format!("--field: `{field}` is given twice"));
            }
            given[field.index()] = true;
            map.keys[field.index()] = key.to_owned();
        }
        for (i, a) in Field::ALL.iter().enumerate() {
            for b in &Field::ALL[i + 1..] {
                if map.key(*a) == map.key(*b) {
                    return Err(format!(
                        "--field: `{a}` and `{b}` would both read `{}`",
                        map.key(*a)
                    ));
                }
            }
        }
        Ok(map)
    }

    /// The key the field is read from.
    pub fn key(&self, field: Field) -> &str {
        &self.keys[field.index()]
    }

    /// The field read from this key, if any.
    pub fn field_of(&self, key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| self.keys[f.index()] == key)
    }
}

/// The values of one record's fields, by [`Field::index`]; `None` when the
/// record lacks the field or it is null.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values(pub [Option<String>; 8]);

impl Values {
    /// The value of a field.
    pub fn get(&self, f: Field) -> Option<&str> {
        self.0[f.index()].as_deref()
    }

    /// The value of a field, taken out.
    pub fn take(&mut self, f: Field) -> Option<String> {
        self.0[f.index()].take()
    }

    /// Set a field.
    pub fn set(&mut self, f: Field, v: Option<String>) {
        self.0[f.index()] = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_maps() {
        let m = FieldMap::parse(&["text=body,date=published_at", "source = outlet"]).unwrap();
        assert_eq!(m.key(Field::Text), "body");
        assert_eq!(m.key(Field::Date), "published_at");
        assert_eq!(m.key(Field::Source), "outlet");
        assert_eq!(m.key(Field::Id), "id");
        assert_eq!(m.field_of("body"), Some(Field::Text));
        assert_eq!(m.field_of("text"), None);
        assert_eq!(m.field_of("lang"), Some(Field::Lang));
        for bad in ["text", "body=text", "text=", "text=a,text=b", "title=date"] {
            assert!(FieldMap::parse(&[bad]).is_err(), "{bad}");
        }
        // Swapping two names is fine.
        let m = FieldMap::parse(&["text=html,html=text"]).unwrap();
        assert_eq!(m.field_of("html"), Some(Field::Text));
    }
}
