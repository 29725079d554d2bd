//! The deck: a titled list of facts, format version 1.
//!
//! These are the typed, already-validated form. Build them from JSON with
//! [`crate::model::validate::parse_deck`], which checks every rule and reports
//! every problem by path.

use super::text::concat;
use serde::Serialize;

/// The only deck format version this crate reads.
pub const FORMAT_VERSION: u32 = 1;
/// Most facts a deck may hold.
pub const MAX_FACTS: usize = 10_000;
/// Longest title, in characters.
pub const MAX_TITLE: usize = 300;
/// Longest `front` or `back`, in characters.
pub const MAX_SIDE: usize = 1_000;
/// Longest `detail` or `quote`, in characters.
pub const MAX_LONG_TEXT: usize = 5_000;

/// A validated deck.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deck {
    /// Format version; always [`FORMAT_VERSION`].
    pub version: u32,
    /// Stable id of the deck, used for the storage key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title shown above the widget.
    pub title: String,
    /// BCP 47 language of the deck text; "en" when absent.
    pub language: String,
    /// Optional description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the facts come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The facts, 1 to [`MAX_FACTS`] of them.
    pub facts: Vec<Fact>,
}

impl Deck {
    /// A deck of format version [`FORMAT_VERSION`] titled `title`, in
    /// English, with no id, description or source.
    pub fn new(title: impl Into<String>, facts: Vec<Fact>) -> Deck {
        Deck {
            version: FORMAT_VERSION,
            id: None,
            title: title.into(),
            language: "en".to_owned(),
            description: None,
            source: None,
            facts,
        }
    }

    /// The credit under a fact's quoted excerpt, `— publisher`, when the
    /// source names a publisher.
    pub fn quote_credit(&self) -> Option<String> {
        let publisher = self.source.as_ref()?.publisher.as_deref()?;
        Some(concat(&["— ", publisher]))
    }
}

/// The article or document a deck is drawn from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Source {
    /// Publisher, e.g. "Euractiv".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Headline of the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// http(s) URL of the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Editor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
}

/// One fact: a prompt on the front and its answer on the back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Unique id; `"fact-N"` (1-based position) when the deck gives none.
    pub id: String,
    /// The prompt, and the quiz question.
    pub front: String,
    /// The answer.
    pub back: String,
    /// Topic, used for filtering and for picking wrong options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// What sort of answer the back is.
    pub kind: Kind,
    /// A short explanation shown with the answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A verbatim excerpt of the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Other answers that count as right.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Authored wrong answers for the quiz.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub distractors: Vec<String>,
    /// An optional picture for the front.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
}

impl Fact {
    /// A fact of kind [`Kind::Other`] with only its id, front and back: no
    /// topic, detail, quote, accepted answers, distractors or image.
    pub fn new(id: impl Into<String>, front: impl Into<String>, back: impl Into<String>) -> Fact {
        Fact {
            id: id.into(),
            front: front.into(),
            back: back.into(),
            topic: None,
            kind: Kind::Other,
            detail: None,
            quote: None,
            accept: Vec::new(),
            distractors: Vec::new(),
            image: None,
        }
    }
}

/// A picture with its required text alternative.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// http(s) URL or relative path.
    pub src: String,
    /// Text alternative; never blank.
    pub alt: String,
}

/// What sort of thing a fact's answer is. The quiz only offers wrong options
/// of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person's name.
    Person,
    /// A company, institution or group.
    Organization,
    /// A place.
    Place,
    /// A date or span of dates.
    Date,
    /// A number.
    Number,
    /// A sum of money.
    Money,
    /// Something that happened.
    Event,
    /// An agreement, law or text.
    Document,
    /// Anything else.
    #[default]
    Other,
}

impl Kind {
    /// Every kind, in the order the format lists them.
    pub const ALL: [Kind; 9] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Date,
        Kind::Number,
        Kind::Money,
        Kind::Event,
        Kind::Document,
        Kind::Other,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Money => "money",
            Kind::Event => "event",
            Kind::Document => "document",
            Kind::Other => "other",
        }
    }

    /// The kind named `name` in JSON, if there is one.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_credit_names_the_publisher() {
        let mut deck = Deck::new("T", vec![Fact::new("a", "q", "b")]);
        assert_eq!(deck.quote_credit(), None);
        deck.source = Some(Source { url: Some("https://a.example/".into()), ..Source::default() });
        assert_eq!(deck.quote_credit(), None);
        deck.source = Some(Source { publisher: Some("Euractiv".into()), ..Source::default() });
        assert_eq!(deck.quote_credit().as_deref(), Some("— Euractiv"));
    }
}
