//! Evidence grades in NATO's Admiralty code (STANAG 2511, AJP-2.1): a
//! source's [`Reliability`] from `A` to `F` and a piece of information's
//! [`Credibility`] from `1` to `6`, graded separately and written together
//! as a [`Grade`] such as `B2`.
//!
//! A dataset grades a source with `reliability: B`, a citation with
//! `credibility: 2` and an actor that makes claims with `reliability: C`
//! (the same names in JSON, where the letter is a string: `"B"`). Every
//! grade is optional, and an ungraded item reads as `F` or `6` ("cannot be
//! judged", as the code itself says) in every comparison, while output
//! says `ungraded` rather than invent a grade.
//!
//! # Whose reliability a citation carries
//!
//! A citation whose claim the article attributes to an actor of the
//! dataset (`claimed_by: Actor("...")`) that has a reliability takes that
//! actor's reliability: the information comes from the claimant, the
//! article only reports it. Any other citation takes its source's
//! reliability. See [`Evidence::grade`](crate::Evidence::grade).
//!
//! # Other schemes
//!
//! | Admiralty | meaning | i2 (A–E / 1–5) | 0–100 confidence |
//! |---|---|---|---|
//! | `A` | completely reliable | `A` | |
//! | `B` | usually reliable | `B` | |
//! | `C` | fairly reliable | `C` | |
//! | `D` | not usually reliable | `D` | |
//! | `E` | unreliable | `E` | |
//! | `F` | reliability cannot be judged | (none) | |
//! | `1` | confirmed by other sources | `1` | 90–100 |
//! | `2` | probably true | `2` | 70–89 |
//! | `3` | possibly true | `3` | 50–69 |
//! | `4` | doubtful | `4` | 30–49 |
//! | `5` | improbable | `5` | 1–29 |
//! | `6` | truth cannot be judged | (none) | 0 |
//!
//! i2's five letters and five digits are the first five of the
//! Admiralty code ([`Reliability::from_i2`], [`Credibility::from_i2`]); a
//! STIX-style confidence maps onto credibility by the bands above
//! ([`Credibility::from_confidence`]), 0 meaning "none stated".

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, EnumAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::error::Error;

/// How reliable a source is, in the Admiralty code: `A` (completely
/// reliable) to `E` (unreliable), and `F` when it cannot be judged.
///
/// Ordered best first: `A < B < … < F`.
///
/// # Example
///
/// ```
/// use actorgraph::Reliability;
///
/// let b: Reliability = "B".parse()?;
/// assert_eq!(b.to_string(), "B");
/// assert!(b < Reliability::F);
/// assert!("b".parse::<Reliability>().is_err());
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged; what an ungraded source reads as.
    F,
}

impl Reliability {
    /// Every grade, best first.
    pub const ALL: [Reliability; 6] = [
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ];

    /// The grade's letter.
    pub fn letter(self) -> char {
        match self {
            Reliability::A => 'A',
            Reliability::B => 'B',
            Reliability::C => 'C',
            Reliability::D => 'D',
            Reliability::E => 'E',
            Reliability::F => 'F',
        }
    }

    /// What an optional grade reads as in comparisons: `F` when absent.
    pub fn or_ungraded(grade: Option<Reliability>) -> Reliability {
        grade.unwrap_or(Reliability::F)
    }

    /// An i2 Analyst's Notebook source grade (`A` to `E`, the same letters).
    ///
    /// # Errors
    ///
    /// An [`InvalidArgument`](crate::ErrorKind::InvalidArgument) error
    /// outside `A` to `E`.
    pub fn from_i2(letter: &str) -> Result<Reliability, Error> {
        match letter.parse::<Reliability>()? {
            Reliability::F => Err(Error::invalid_argument(
                "grade",
                "i2 source grades run from A to E",
            )),
            other => Ok(other),
        }
    }
}

fn reliability_error(text: &str) -> String {
    format!(
        "reliability {text:?} is not in the Admiralty scheme: one of the letters A, B, C, D, E, F (upper case)"
    )
}

fn credibility_error(text: &str) -> String {
    format!(
        "credibility {text:?} is not in the Admiralty scheme: one of the digits 1, 2, 3, 4, 5, 6"
    )
}

impl FromStr for Reliability {
    type Err = Error;

    fn from_str(text: &str) -> Result<Reliability, Error> {
        Reliability::ALL
            .into_iter()
            .find(|r| text.len() == 1 && text.starts_with(r.letter()))
            .ok_or_else(|| Error::invalid_argument("grade", reliability_error(text)))
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

impl Serialize for Reliability {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const NAMES: [&str; 6] = ["A", "B", "C", "D", "E", "F"];
        let index = Reliability::ALL
            .iter()
            .position(|r| r == self)
            .unwrap_or_default();
        serializer.serialize_unit_variant(
            "Reliability",
            u32::try_from(index).unwrap_or_default(),
            NAMES[index],
        )
    }
}

impl<'de> Deserialize<'de> for Reliability {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Reliability, D::Error> {
        struct Letter;
        impl<'de> Visitor<'de> for Letter {
            type Value = Reliability;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a reliability: one of the letters A, B, C, D, E, F")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Reliability, E> {
                text.parse()
                    .map_err(|_: Error| E::custom(reliability_error(text)))
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Reliability, E> {
                Err(E::custom(reliability_error(&number.to_string())))
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<Reliability, E> {
                Err(E::custom(reliability_error(&number.to_string())))
            }

            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Reliability, A::Error> {
                let (Name(name), variant) = data.variant()?;
                de::VariantAccess::unit_variant(variant)?;
                self.visit_str(&name)
            }
        }
        deserializer.deserialize_enum("Reliability", &["A", "B", "C", "D", "E", "F"], Letter)
    }
}

/// A variant's name read as an identifier (RON's bare `B`) or a string
/// (JSON's `"B"`), whatever it is, so that a bad letter gets the scheme's
/// message rather than serde's.
struct Name(String);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = Name;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a letter")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Name, E> {
                Ok(Name(text.to_owned()))
            }
        }
        deserializer.deserialize_identifier(Text)
    }
}

/// How credible a piece of information is, in the Admiralty code: `1`
/// (confirmed by other sources) to `5` (improbable), and `6` when its
/// truth cannot be judged.
///
/// Ordered best first: `Confirmed < Probable < … < CannotBeJudged`.
///
/// # Example
///
/// ```
/// use actorgraph::Credibility;
///
/// let two: Credibility = "2".parse()?;
/// assert_eq!(two, Credibility::Probable);
/// assert_eq!(two.digit(), 2);
/// assert!("7".parse::<Credibility>().is_err());
/// assert_eq!(Credibility::from_confidence(75)?, Credibility::Probable);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Credibility {
    /// `1`: confirmed by other sources.
    Confirmed,
    /// `2`: probably true.
    Probable,
    /// `3`: possibly true.
    Possible,
    /// `4`: doubtful.
    Doubtful,
    /// `5`: improbable.
    Improbable,
    /// `6`: truth cannot be judged; what an ungraded citation reads as.
    CannotBeJudged,
}

impl Credibility {
    /// Every grade, best first.
    pub const ALL: [Credibility; 6] = [
        Credibility::Confirmed,
        Credibility::Probable,
        Credibility::Possible,
        Credibility::Doubtful,
        Credibility::Improbable,
        Credibility::CannotBeJudged,
    ];

    /// The grade's digit, 1 to 6.
    pub fn digit(self) -> u8 {
        match self {
            Credibility::Confirmed => 1,
            Credibility::Probable => 2,
            Credibility::Possible => 3,
            Credibility::Doubtful => 4,
            Credibility::Improbable => 5,
            Credibility::CannotBeJudged => 6,
        }
    }

    /// The grade of a digit.
    ///
    /// # Errors
    ///
    /// An [`InvalidArgument`](crate::ErrorKind::InvalidArgument) error
    /// outside 1 to 6.
    pub fn from_digit(digit: u64) -> Result<Credibility, Error> {
        Credibility::ALL
            .into_iter()
            .find(|c| u64::from(c.digit()) == digit)
            .ok_or_else(|| Error::invalid_argument("grade", credibility_error(&digit.to_string())))
    }

    /// What an optional grade reads as in comparisons: `6` when absent.
    pub fn or_ungraded(grade: Option<Credibility>) -> Credibility {
        grade.unwrap_or(Credibility::CannotBeJudged)
    }

    /// An i2 Analyst's Notebook information grade (1 to 5, the same digits).
    ///
    /// # Errors
    ///
    /// An [`InvalidArgument`](crate::ErrorKind::InvalidArgument) error
    /// outside 1 to 5.
    pub fn from_i2(digit: u64) -> Result<Credibility, Error> {
        match Credibility::from_digit(digit)? {
            Credibility::CannotBeJudged => Err(Error::invalid_argument(
                "grade",
                "i2 information grades run from 1 to 5",
            )),
            other => Ok(other),
        }
    }

    /// A 0–100 confidence (as STIX carries) by the bands of the
    /// [module table](crate::grade): 90 and above is `1`, 70 `2`, 50 `3`, 30 `4`,
    /// 1 `5`, and 0 (none stated) `6`.
    ///
    /// # Errors
    ///
    /// An [`InvalidArgument`](crate::ErrorKind::InvalidArgument) error
    /// above 100.
    pub fn from_confidence(confidence: u8) -> Result<Credibility, Error> {
        Ok(match confidence {
            101.. => {
                return Err(Error::invalid_argument(
                    "confidence",
                    format!("{confidence} is above 100"),
                ));
            }
            90.. => Credibility::Confirmed,
            70.. => Credibility::Probable,
            50.. => Credibility::Possible,
            30.. => Credibility::Doubtful,
            1.. => Credibility::Improbable,
            0 => Credibility::CannotBeJudged,
        })
    }
}

impl FromStr for Credibility {
    type Err = Error;

    fn from_str(text: &str) -> Result<Credibility, Error> {
        Credibility::ALL
            .into_iter()
            .find(|c| text.len() == 1 && text.starts_with(char::from(b'0' + c.digit())))
            .ok_or_else(|| Error::invalid_argument("grade", credibility_error(text)))
    }
}

impl fmt::Display for Credibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.digit())
    }
}

impl Serialize for Credibility {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.digit())
    }
}

impl<'de> Deserialize<'de> for Credibility {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Credibility, D::Error> {
        struct Digit;
        impl Visitor<'_> for Digit {
            type Value = Credibility;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a credibility: one of the digits 1, 2, 3, 4, 5, 6")
            }

            fn visit_u64<E: de::Error>(self, digit: u64) -> Result<Credibility, E> {
                Credibility::from_digit(digit)
                    .map_err(|_| E::custom(credibility_error(&digit.to_string())))
            }

            fn visit_i64<E: de::Error>(self, digit: i64) -> Result<Credibility, E> {
                match u64::try_from(digit) {
                    Ok(digit) => self.visit_u64(digit),
                    Err(_) => Err(E::custom(credibility_error(&digit.to_string()))),
                }
            }

            fn visit_f64<E: de::Error>(self, digit: f64) -> Result<Credibility, E> {
                Err(E::custom(credibility_error(&digit.to_string())))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Credibility, E> {
                Err(E::custom(credibility_error(text)))
            }
        }
        deserializer.deserialize_any(Digit)
    }
}

/// A reliability and a credibility together, written `B2`.
///
/// Grades are compared reliability first (`A6` is better than `B1`); a
/// minimum grade ([`View::graded_at_least`](crate::View::graded_at_least))
/// asks for both parts separately ([`Grade::admits`]).
///
/// # Example
///
/// ```
/// use actorgraph::{Credibility, Grade, Reliability};
///
/// let b2: Grade = "B2".parse()?;
/// assert_eq!(b2.reliability, Reliability::B);
/// assert_eq!(b2.credibility, Credibility::Probable);
/// assert_eq!(b2.to_string(), "B2");
/// assert!(b2.admits("A2".parse()?));
/// assert!(!b2.admits("A3".parse()?));
/// assert!("B9".parse::<Grade>().is_err());
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Grade {
    /// The source's reliability.
    pub reliability: Reliability,
    /// The information's credibility.
    pub credibility: Credibility,
}

impl Grade {
    /// The worst grade, which every ungraded citation reads as: `F6`.
    pub const UNGRADED: Grade = Grade {
        reliability: Reliability::F,
        credibility: Credibility::CannotBeJudged,
    };

    /// A grade of two optional parts, an absent one read as ungraded.
    pub fn reading(reliability: Option<Reliability>, credibility: Option<Credibility>) -> Grade {
        Grade {
            reliability: Reliability::or_ungraded(reliability),
            credibility: Credibility::or_ungraded(credibility),
        }
    }

    /// Whether `other` meets this grade as a minimum: its reliability and
    /// its credibility each at least as good.
    pub fn admits(self, other: Grade) -> bool {
        other.reliability <= self.reliability && other.credibility <= self.credibility
    }

    /// An optional grade as output shows it: `B2`, or `ungraded`.
    pub fn label(grade: Option<Grade>) -> String {
        grade.map_or_else(|| "ungraded".to_owned(), |g| g.to_string())
    }
}

impl FromStr for Grade {
    type Err = Error;

    fn from_str(text: &str) -> Result<Grade, Error> {
        let mut chars = text.chars();
        let (Some(letter), Some(digit), None) = (chars.next(), chars.next(), chars.next()) else {
            return Err(Error::invalid_argument(
                "grade",
                format!(
                    "grade {text:?} is not in the Admiralty scheme: a letter A to F then a digit 1 to 6, as B2"
                ),
            ));
        };
        Ok(Grade {
            reliability: letter.to_string().parse()?,
            credibility: digit.to_string().parse()?,
        })
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.reliability, self.credibility)
    }
}
