//! The shape of a line read in one pass over its UTF-8 bytes: its characters, its Han
//! characters and whether it has sentence or clause marks — what the miner asks of every line.

/// What one pass over a line finds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// Characters (`chars().count()`).
    pub chars: usize,
    /// Han characters ([`crate::doc::punct::is_han`]).
    pub han: usize,
    /// Holds `。`, `！`, `？` or `；`.
    pub sentence: bool,
    /// Holds `，`.
    pub comma: bool,
}

impl Shape {
    /// Reads a line. A character starts at each byte that is not a continuation byte, a Han
    /// character is told by its lead byte and the byte after it, a full-width mark by its three
    /// bytes; every step is branch-free over blocks with byte-wide counters, so it vectorises.
    pub fn of(line: &str) -> Shape {
        let b = line.as_bytes();
        let chars = line.chars().count();
        // Han characters and the marks take three bytes or four: a window of three sees each
        let Some(n) = b.len().checked_sub(2) else {
            return Shape {
                chars,
                ..Shape::default()
            };
        };
        let (x, y, z) = (&b[..n], &b[1..n + 1], &b[2..]);
        const BLOCK: usize = 128; // fewer than 256 windows: the counters are bytes
        let (mut han, mut marks) = (0usize, 0u8);
        for start in (0..n).step_by(BLOCK) {
            let end = (start + BLOCK).min(n);
            let (x, y, z) = (&x[start..end], &y[start..end], &z[start..end]);
            let (mut h, mut m) = (0u8, 0u8);
            for i in 0..x.len() {
                let (x, y, z) = (x[i], y[i], z[i]);
                // U+3400–U+3FFF, U+4000–U+4DBF and U+4E00–U+4FFF, U+5000–U+9FFF,
                // U+F900–U+FAFF, U+20000–U+2FFFF
                let is_han = ((x == 0xE3) & (y >= 0x90))
                    | ((x == 0xE4) & (y != 0xB7))
                    | (x.wrapping_sub(0xE5) < 5)
                    | ((x == 0xEF) & (y.wrapping_sub(0xA4) < 8))
                    | ((x == 0xF0) & (y.wrapping_sub(0xA0) < 16));
                h += u8::from(is_han);
                // 。 is E3 80 82; ！ ？ ； ， are EF BC 81, 9F, 9B, 8C
                let wide = (x == 0xEF) & (y == 0xBC);
                let sentence = ((x == 0xE3) & (y == 0x80) & (z == 0x82))
                    | (wide & ((z == 0x81) | (z == 0x9F) | (z == 0x9B)));
                m |= u8::from(sentence) | (u8::from(wide & (z == 0x8C)) << 1);
            }
            han += usize::from(h);
            marks |= m;
        }
        Shape {
            chars,
            han,
            sentence: marks & 1 != 0,
            comma: marks & 2 != 0,
        }
    }

    /// A line of running prose: enough Chinese text and a sentence or clause mark.
    pub fn is_prose(&self) -> bool {
        let h = self.han;
        h * 10 >= self.chars.max(1) * 5 && ((h >= 14 && self.sentence) || (h >= 40 && self.comma))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::punct::is_han;

    /// The same facts read character by character.
    fn by_chars(l: &str) -> Shape {
        Shape {
            chars: l.chars().count(),
            han: l.chars().filter(|&c| is_han(c)).count(),
            sentence: l.contains(['。', '！', '？', '；']),
            comma: l.contains('，'),
        }
    }

    #[test]
    fn every_character_is_read_as_by_chars() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for l in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}。b"),
                format!("一{c}，"),
            ] {
                assert_eq!(Shape::of(&l), by_chars(&l), "{c:?}");
            }
        }
    }

    #[test]
    fn lines() {
        for l in [
            "",
            "a",
            "今天我们召开全县安全生产工作会议，主要任务是部署下一阶段工作。",
            "上一篇：关于做好防汛工作的通知",
            "𠀀𠀁！？；，……“”",
        ] {
            assert_eq!(Shape::of(l), by_chars(l), "{l}");
            // across blocks: more than 255 Han characters, marks at a block's edge
            for pad in 0..4 {
                let long = format!("{}{}", "x".repeat(pad), l.repeat(40));
                assert_eq!(Shape::of(&long), by_chars(&long), "{long}");
            }
        }
    }
}
