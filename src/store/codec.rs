//! Little-endian bytes for snapshots: a writer, and a reader that checks
//! every length against what is left, so no input can make it panic or
//! allocate more than the input's size.

use crate::base::date::{Date, PartialDate, Shape, When};

/// Why a snapshot's contents cannot be a graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Corrupt(pub(crate) String);

pub(crate) type Decoded<T> = Result<T, Corrupt>;

pub(crate) fn corrupt<T>(reason: impl Into<String>) -> Decoded<T> {
    Err(Corrupt(reason.into()))
}

/// A position read from a file: checked against the limit, since a file
/// is not trusted; whether anything holds it is checked where it is used.
pub(crate) fn ix<I: super::ix::Ix>(raw: u32) -> Decoded<I> {
    I::new(raw as usize).map_or_else(|| corrupt(format!("{} {raw} past the limit", I::WHAT)), Ok)
}

#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    /// A flag, as 0 or 1.
    pub(crate) fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }

    /// An enum value, by its fixed code.
    pub(crate) fn code<T: super::codes::Code>(&mut self, v: T) {
        self.u8(v.code());
    }

    pub(crate) fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn len(&mut self, n: usize) {
        self.bytes.extend_from_slice(&(n as u64).to_le_bytes());
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }

    pub(crate) fn u32s(&mut self, values: impl ExactSizeIterator<Item = u32>) {
        self.len(values.len());
        for v in values {
            self.u32(v);
        }
    }

    pub(crate) fn date(&mut self, day: Date) {
        self.u32(day.packed());
    }

    pub(crate) fn partial(&mut self, date: PartialDate) {
        let (year, month, day) = date.parts();
        self.bytes.extend_from_slice(&year.to_le_bytes());
        self.u8(month);
        self.u8(day);
    }

    pub(crate) fn opt_partial(&mut self, date: Option<PartialDate>) {
        match date {
            Some(d) => {
                self.u8(1);
                self.partial(d);
            }
            None => self.u8(0),
        }
    }

    pub(crate) fn when(&mut self, when: When) {
        match when.shape() {
            Shape::On(date) => {
                self.u8(0);
                self.partial(date);
            }
            Shape::Between(low, high) => {
                self.u8(1);
                self.opt_partial(low);
                self.opt_partial(high);
            }
            // Kept as written; reading it back parses it again, through the
            // same code as any other text.
            Shape::Edtf(_) => {
                self.u8(2);
                self.str(&when.to_string());
            }
        }
    }

    pub(crate) fn opt_when(&mut self, when: Option<When>) {
        match when {
            Some(w) => {
                self.u8(1);
                self.when(w);
            }
            None => self.u8(0),
        }
    }
}

pub(crate) struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, at: 0 }
    }

    pub(crate) fn is_done(&self) -> bool {
        self.at == self.data.len()
    }

    /// The next `n` bytes, unread: a section to decode apart, perhaps on
    /// another core, with a reader of its own.
    pub(crate) fn bytes(&mut self, n: usize) -> Decoded<&'a [u8]> {
        self.take(n)
    }

    /// The next `count` strings as they were written (each after its
    /// length), unchecked: the lengths are walked to find where they end,
    /// and [`Reader::str`] on a reader of the bytes checks each.
    pub(crate) fn strings_bytes(&mut self, count: usize) -> Decoded<&'a [u8]> {
        let start = self.at;
        for _ in 0..count {
            let n = self.len(1)?;
            self.take(n)?;
        }
        Ok(&self.data[start..self.at])
    }

    fn take(&mut self, n: usize) -> Decoded<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.data.len());
        match end {
            Some(end) => {
                let bytes = &self.data[self.at..end];
                self.at = end;
                Ok(bytes)
            }
            None => corrupt(format!(
                "{n} bytes wanted at byte {}, past the end",
                self.at
            )),
        }
    }

    fn array<const N: usize>(&mut self) -> Decoded<[u8; N]> {
        let bytes = self.take(N)?;
        let mut out = [0; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    pub(crate) fn u8(&mut self) -> Decoded<u8> {
        Ok(self.array::<1>()?[0])
    }

    /// A flag: 0 or 1, and nothing else, so that a stray byte is caught
    /// rather than read as "true".
    pub(crate) fn bool(&mut self) -> Decoded<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            other => corrupt(format!("flag {other}, not 0 or 1")),
        }
    }

    /// An enum value, by its fixed code.
    pub(crate) fn code<T: super::codes::Code>(&mut self) -> Decoded<T> {
        let code = self.u8()?;
        T::from_code(code).map_or_else(|| corrupt(format!("unknown {} {code}", T::WHAT)), Ok)
    }

    pub(crate) fn u16(&mut self) -> Decoded<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    pub(crate) fn u32(&mut self) -> Decoded<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// A count of items of at least `item_bytes` each: never more than the
    /// bytes left could hold, so a forged count cannot allocate much.
    pub(crate) fn len(&mut self, item_bytes: usize) -> Decoded<usize> {
        let n = u64::from_le_bytes(self.array()?);
        let left = (self.data.len() - self.at) / item_bytes.max(1);
        match usize::try_from(n) {
            Ok(n) if n <= left => Ok(n),
            _ => corrupt(format!(
                "a count of {n} at byte {} exceeds the file",
                self.at
            )),
        }
    }

    pub(crate) fn str(&mut self) -> Decoded<&'a str> {
        let n = self.len(1)?;
        let at = self.at;
        std::str::from_utf8(self.take(n)?)
            .or_else(|_| corrupt(format!("text at byte {at} is not utf-8")))
    }

    pub(crate) fn opt_str(&mut self) -> Decoded<Option<&'a str>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            tag => corrupt(format!("option tag {tag}")),
        }
    }

    pub(crate) fn u32s(&mut self) -> Decoded<Vec<u32>> {
        let n = self.len(4)?;
        let bytes = self.take(n * 4)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }

    pub(crate) fn date(&mut self) -> Decoded<Date> {
        let packed = self.u32()?;
        match Date::from_packed(packed) {
            Some(day) => Ok(day),
            None => corrupt(format!("{packed:#x} is not a day")),
        }
    }

    pub(crate) fn partial(&mut self) -> Decoded<PartialDate> {
        let year = i16::from_le_bytes(self.array()?);
        let (month, day) = (self.u8()?, self.u8()?);
        let date = match (month, day) {
            (0, 0) => PartialDate::year(year),
            (m, 0) => PartialDate::month(year, m),
            (m, d) => PartialDate::day(year, m, d),
        };
        date.or_else(|e| corrupt(e.to_string()))
    }

    fn opt_partial(&mut self) -> Decoded<Option<PartialDate>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.partial().map(Some),
            tag => corrupt(format!("option tag {tag}")),
        }
    }

    pub(crate) fn when(&mut self) -> Decoded<When> {
        match self.u8()? {
            0 => Ok(When::on(self.partial()?)),
            1 => {
                let (low, high) = (self.opt_partial()?, self.opt_partial()?);
                // Checked as parsing checks it, through the same code.
                When::range(low, high).or_else(|e| corrupt(e.to_string()))
            }
            2 => {
                let text = self.str()?;
                match text.parse::<When>() {
                    Ok(when) if matches!(when.shape(), Shape::Edtf(_)) => Ok(when),
                    Ok(_) => corrupt(format!("{text:?} is not written as an EDTF date")),
                    Err(e) => corrupt(e.to_string()),
                }
            }
            tag => corrupt(format!("date tag {tag}")),
        }
    }

    pub(crate) fn opt_when(&mut self) -> Decoded<Option<When>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.when().map(Some),
            tag => corrupt(format!("option tag {tag}")),
        }
    }
}
