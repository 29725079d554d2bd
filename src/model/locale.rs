//! Every UI string, in English, French and Russian, with per-page overrides.
//!
//! Deck text is never translated; only the widget's own words live here.
//! Templates use `{n}`, `{total}` and `{answer}` as placeholders.

use super::text::{split_ascii, uint_text};

macro_rules! keys {
    ($($key:ident = $name:literal: $en:literal, $fr:literal, $ru:literal;)*) => {
        /// A UI string. Its `name` is what `labels` overrides use. The one
        /// list of them: the d.ts in `src/api.rs` (`LabelName`) and
        /// `docs/api.md` must name exactly these (`tests/api_lists.rs`
        /// checks).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Key { $($key,)* }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        // Each table is one string, its entries in key order and each ended
        // by a NUL: a table of `&str`s would carry a pointer and a length
        // for each entry, which compress badly (0.5 KB gzip in all).
        const NAMES: &str = concat!($($name, "\0",)*);
        const EN: &str = concat!($($en, "\0",)*);
        const FR: &str = concat!($($fr, "\0",)*);
        const RU: &str = concat!($($ru, "\0",)*);
    };
}

keys! {
    Cards = "cards": "Cards", "Cartes", "Карточки";
    Quiz = "quiz": "Quiz", "Quiz", "Тест";
    Modes = "modes": "Study mode", "Mode d’étude", "Режим";
    Prev = "prev": "Previous", "Précédente", "Назад";
    Next = "next": "Next", "Suivante", "Далее";
    TurnHint = "turnHint": "Tap or press Enter to turn", "Touchez ou appuyez sur Entrée pour retourner", "Коснитесь или нажмите Enter, чтобы перевернуть";
    Known = "known": "Got it", "Je sais", "Знаю";
    Learning = "learning": "Still learning", "À revoir", "Ещё учу";
    Shuffle = "shuffle": "Shuffle", "Mélanger", "Перемешать";
    Restart = "restart": "Restart", "Recommencer", "Сначала";
    Topic = "topic": "Topic", "Thème", "Тема";
    AllTopics = "allTopics": "All topics", "Tous les thèmes", "Все темы";
    Position = "position": "{n} / {total}", "{n} / {total}", "{n} / {total}";
    CardOf = "cardOf": "Card {n} of {total}", "Carte {n} sur {total}", "Карточка {n} из {total}";
    Round = "round": "Round {n}: {total} left", "Tour {n} : encore {total} à revoir", "Круг {n}: осталось карточек — {total}";
    ProgressLabel = "progressLabel": "Cards known", "Cartes sues", "Изученные карточки";
    KnownOf = "knownOf": "{n} of {total} known", "{n} sur {total} sues", "Знаю {n} из {total}";
    Complete = "complete": "You know every card.", "Vous connaissez toutes les cartes.", "Вы знаете все карточки.";
    StudyAgain = "studyAgain": "Study again", "Réviser à nouveau", "Повторить";
    TakeQuiz = "takeQuiz": "Take the quiz", "Faire le quiz", "Пройти тест";
    ReviewLearning = "reviewLearning": "Review the {n} still learning", "Revoir les {n} à revoir", "Повторить трудные ({n})";
    More = "more": "More", "Plus", "Ещё";
    Cleared = "cleared": "Progress cleared.", "Progression effacée.", "Прогресс сброшен.";
    Undo = "undo": "Undo", "Annuler", "Отменить";
    QuestionOf = "questionOf": "Question {n} of {total}", "Question {n} sur {total}", "Вопрос {n} из {total}";
    Correct = "correct": "Correct", "Correct", "Верно";
    Almost = "almost": "Almost — {answer}", "Presque — {answer}", "Почти — {answer}";
    TypeFirst = "typeFirst": "Type an answer first", "Tapez d’abord une réponse", "Сначала введите ответ";
    Incorrect = "incorrect": "Incorrect — the answer is {answer}", "Incorrect — la réponse est {answer}", "Неверно — правильный ответ: {answer}";
    YourAnswer = "yourAnswer": "Your answer", "Votre réponse", "Ваш ответ";
    RightAnswer = "rightAnswer": "Right answer", "Bonne réponse", "Правильный ответ";
    Check = "check": "Check", "Vérifier", "Проверить";
    NextQuestion = "nextQuestion": "Next question", "Question suivante", "Следующий вопрос";
    SeeScore = "seeScore": "See your score", "Voir le score", "Показать результат";
    ScoreTitle = "scoreTitle": "Your score", "Votre score", "Ваш результат";
    Score = "score": "{n} / {total}", "{n} / {total}", "{n} / {total}";
    Best = "best": "Best so far: {n} / {total}", "Meilleur score : {n} / {total}", "Лучший результат: {n} из {total}";
    ScorePerfect = "scorePerfect": "Perfect — every answer right.", "Parfait — toutes les réponses sont justes.", "Отлично — все ответы верны.";
    ScoreHigh = "scoreHigh": "Well done — only a few to review.", "Bien joué — il reste peu à revoir.", "Хорошо — повторить осталось немного.";
    ScoreMid = "scoreMid": "Good start — review the ones you missed.", "Bon début — revoyez les questions manquées.", "Неплохо — повторите то, что упустили.";
    ScoreLow = "scoreLow": "Keep going — retry your mistakes to learn them.", "Continuez — refaites vos erreurs pour les retenir.", "Не сдавайтесь — повторите ошибки, чтобы запомнить.";
    Missed = "missed": "Missed ({n})", "Manquées ({n})", "Ошибки ({n})";
    AnsweredRight = "answeredRight": "Right answers ({n})", "Bonnes réponses ({n})", "Верные ответы ({n})";
    NoAnswer = "noAnswer": "(no answer)", "(pas de réponse)", "(нет ответа)";
    RetryMistakes = "retryMistakes": "Retry mistakes", "Refaire les erreurs", "Повторить ошибки";
    RetryAll = "retryAll": "Retry all", "Tout refaire", "Пройти заново";
    LabelEnd = "labelEnd": ":", " :", ":";
    Source = "source": "Source", "Source", "Источник";
    Edited = "edited": "(ed. {name})", "(éd. {name})", "(ред. {name})";
    Headline = "headline": "“{name}”", "«\u{a0}{name}\u{a0}»", "«{name}»";
    Loading = "loading": "Loading deck…", "Chargement du jeu…", "Загрузка…";
    Failed = "failed": "This deck could not be shown.", "Ce jeu ne peut pas être affiché.", "Не удалось показать карточки.";
    ResetProgress = "resetProgress": "Reset progress", "Effacer la progression", "Сбросить прогресс";
    ShowInArticle = "showInArticle": "Show in article", "Voir dans l’article", "Показать в статье";
    ShownInArticle = "shownInArticle": "Highlighted in the article", "Surligné dans l’article", "Выделено в статье";
}

/// Entry `i` of a NUL-ended table such as [`EN`].
fn entry(table: &'static str, i: usize) -> &'static str {
    split_ascii(table, 0).nth(i).unwrap_or_default()
}

impl Key {
    /// The key's name for `labels` overrides, e.g. `"next"`.
    pub fn name(self) -> &'static str {
        entry(NAMES, self as usize)
    }

    /// The key named `name` (see [`Key::name`]), if any.
    pub fn named(name: &str) -> Option<Key> {
        let i = split_ascii(NAMES, 0).position(|n| n == name)?;
        Key::ALL.get(i).copied()
    }
}

/// A built-in UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
}

impl Lang {
    /// The built-in language for a BCP 47 tag, by its primary subtag;
    /// English for anything else.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else if primary.eq_ignore_ascii_case("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    /// The language's BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
        }
    }
}

/// The UI strings for one widget: a language plus any overrides.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    lang: Lang,
    overrides: Vec<(Key, String)>,
}

impl Strings {
    /// The built-in strings of `lang`.
    pub fn new(lang: Lang) -> Strings {
        Strings { lang, overrides: Vec::new() }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Overrides the string named `name` (see [`Key::name`]). Returns false
    /// when no string has that name.
    pub fn set_override(&mut self, name: &str, text: &str) -> bool {
        let Some(key) = Key::named(name) else {
            return false;
        };
        // One entry per key: a second override replaces the first.
        match self.overrides.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => text.clone_into(old),
            None => self.overrides.push((key, text.to_owned())),
        }
        true
    }

    /// The string for `key`.
    pub fn get(&self, key: Key) -> &str {
        if let Some((_, text)) = self.overrides.iter().find(|(k, _)| *k == key) {
            return text;
        }
        let table = match self.lang {
            Lang::En => EN,
            Lang::Fr => FR,
            Lang::Ru => RU,
        };
        entry(table, key as usize)
    }

    /// The template `key` with `{n}` and `{total}` filled in.
    pub fn count(&self, key: Key, n: usize, total: usize) -> String {
        fill(self.get(key), &[("{n}", &uint_text(n)), ("{total}", &uint_text(total))])
    }

    /// The template `key` with `{name}` filled in.
    pub fn with_name(&self, key: Key, name: &str) -> String {
        fill(self.get(key), &[("{name}", name)])
    }

    /// The template `key` with `{answer}` filled in.
    pub fn with_answer(&self, key: Key, answer: &str) -> String {
        fill(self.get(key), &[("{answer}", answer)])
    }
}

/// Replaces each placeholder in `template` by its value, in one pass, so a
/// value that itself contains a placeholder is left as it is.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    'outer: while !rest.is_empty() {
        for (name, value) in values {
            if let Some(after) = rest.strip_prefix(name) {
                out.push_str(value);
                rest = after;
                continue 'outer;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string() {
        for table in [NAMES, EN, FR, RU] {
            let entries: Vec<&str> = table.split('\0').collect();
            // Each entry is ended by a NUL, so the last piece is empty.
            assert_eq!(entries.len(), Key::ALL.len() + 1);
            assert_eq!(entries.last(), Some(&""));
            assert!(entries[..Key::ALL.len()].iter().all(|s| !s.trim().is_empty()));
        }
        for &key in Key::ALL {
            assert_eq!(Key::named(key.name()), Some(key));
        }
        assert_eq!(Key::named(""), None);
        assert_eq!(Key::named("Next"), None);
    }

    #[test]
    fn fills_counts_in_each_language() {
        assert_eq!(Strings::new(Lang::En).count(Key::QuestionOf, 3, 10), "Question 3 of 10");
        assert_eq!(Strings::new(Lang::Fr).count(Key::QuestionOf, 3, 10), "Question 3 sur 10");
        // Counts that read right for one as for many.
        for lang in [Lang::En, Lang::Fr, Lang::Ru] {
            let s = Strings::new(lang);
            assert!([s.count(Key::Round, 2, 1), s.count(Key::Complete, 0, 1)].iter().all(|t| !t.contains("1 card")));
        }
        assert_eq!(Strings::new(Lang::En).count(Key::Round, 2, 1), "Round 2: 1 left");
        assert_eq!(Strings::new(Lang::Fr).count(Key::Round, 2, 1), "Tour 2 : encore 1 à revoir");
        assert_eq!(Strings::new(Lang::Ru).count(Key::CardOf, 3, 24), "Карточка 3 из 24");
    }

    #[test]
    fn answer_text_is_not_reinterpreted() {
        let s = Strings::new(Lang::En);
        assert_eq!(s.with_answer(Key::Incorrect, "{n}"), "Incorrect — the answer is {n}");
    }

    #[test]
    fn overrides_win_and_unknown_names_are_refused() {
        let mut s = Strings::new(Lang::Fr);
        assert!(s.set_override("next", "Suite"));
        assert!(!s.set_override("nope", "x"));
        assert_eq!(s.get(Key::Next), "Suite");
        assert_eq!(s.get(Key::Prev), "Précédente");
        // A second override of the same string replaces the first.
        assert!(s.set_override("next", "Encore"));
        assert_eq!(s.get(Key::Next), "Encore");
        assert_eq!(s.overrides.len(), 1);
    }

    #[test]
    fn picks_language_by_primary_subtag() {
        assert_eq!(Lang::from_tag("fr-BE"), Lang::Fr);
        assert_eq!(Lang::from_tag("ru"), Lang::Ru);
        assert_eq!(Lang::from_tag("kk"), Lang::En);
        assert_eq!(Lang::from_tag("RU-kz"), Lang::Ru);
        assert_eq!(Lang::from_tag("fr_CA"), Lang::Fr);
    }
}
