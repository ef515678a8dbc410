//! Placeholders left for facts the writer has not filled in (`XX`, `×`, `20xx`, `〔　〕`,
//! `（此处……）`, a leftover `{m}`): one finder shared by `mine` (which reports them) and
//! `check` (which flags them). `1+X`, `X光` and `X射线` are words, not placeholders.

use std::ops::Range;

/// Words that start with a Latin `X` and are not blanks.
const X_WORDS: [&str; 3] = ["光", "射线", "线"];

/// Kind and width of a placeholder character at byte `i`: X/x, ×, ※, */＊.
fn class_at(b: &[u8], i: usize) -> (u8, usize) {
    match b[i] {
        b'X' | b'x' => (1, 1),
        b'*' => (4, 1),
        0xC3 if b.get(i + 1) == Some(&0x97) => (2, 2),
        0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xBB) => (3, 3),
        0xEF if b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8A) => (4, 3),
        _ => (0, 1),
    }
}

/// Byte ranges of the placeholders in one paragraph, in order: `X`/`XX`/`xx` (not part of a
/// Latin word, not `1+X`, `X光`, `X射线`), `×`, `※`, runs of `*`, years like `20xx`/`20**`,
/// empty `〔　〕`, `（此处……）` notes and unreplaced `{name}` template slots.
pub fn find(line: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let b = line.as_bytes();
    // byte searches built once: a set of chars (`contains(['×', …])`) would decode every
    // character, and `contains('〔')` stops at each byte its last byte shares with Han text
    static SEARCHES: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 5]> =
        std::sync::LazyLock::new(|| {
            ["×", "※", "＊", "〔", "（此处"].map(memchr::memmem::Finder::new)
        });
    let [times, mark, star, bracket, note] = &*SEARCHES;
    let has = |f: &memchr::memmem::Finder| f.find(b).is_some();
    let candidate =
        memchr::memchr3(b'X', b'x', b'*', b).is_some() || has(times) || has(mark) || has(star);
    if candidate {
        marks(line, &mut found);
    }
    if has(bracket) {
        for (at, _) in line.match_indices('〔') {
            let rest = &line[at + '〔'.len_utf8()..];
            let inner = rest.len() - rest.trim_start_matches([' ', '\u{3000}', '_']).len();
            if rest[inner..].starts_with('〕') {
                found.push(at..at + '〔'.len_utf8() + inner + '〕'.len_utf8());
            }
        }
    }
    if has(note) {
        for (at, _) in line.match_indices("（此处") {
            if let Some(close) = line[at..].find('）') {
                found.push(at..at + close + '）'.len_utf8());
            }
        }
    }
    if line.contains('{') {
        for (at, _) in line.match_indices('{') {
            let rest = &line[at + 1..];
            let name = rest
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
                .count();
            if name > 0 && rest.as_bytes().get(name) == Some(&b'}') {
                found.push(at..at + name + 2);
            }
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

fn marks(line: &str, found: &mut Vec<Range<usize>>) {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (k, w) = class_at(b, i);
        if k == 0 {
            i += w;
            continue;
        }
        let mut j = i;
        while j < b.len() {
            let (k2, w2) = class_at(b, j);
            if k2 != k {
                break;
            }
            j += w2;
        }
        let mut start = i;
        // a year: 20xx / 20**
        if (k == 1 || k == 4) && i >= 2 && b[i - 2].is_ascii_digit() && b[i - 1].is_ascii_digit() {
            start = i - 2;
        }
        let prev_latin = start > 0 && b[start - 1].is_ascii_alphabetic();
        let next_latin = b.get(j).is_some_and(u8::is_ascii_alphabetic);
        let run = line[i..j].chars().count();
        let counts = match k {
            1 => {
                let plus = start > 0 && b[start - 1] == b'+';
                let word = run == 1 && X_WORDS.iter().any(|w| line[j..].starts_with(w));
                !prev_latin && !next_latin && run <= 3 && !plus && !word
            }
            4 => run >= 2 || start < i,
            _ => true,
        };
        if counts {
            found.push(start..j);
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<&str> {
        find(line).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn finds_blanks_but_not_words() {
        assert_eq!(
            texts("XX等X个单位，20xx年，20**年，×个示范点，※个支部，以***同志为核心"),
            ["XX", "X", "20xx", "20**", "×", "※", "***"]
        );
        assert_eq!(texts("使用WORD和WPS，tv摄制组，xx届四中全会"), ["xx"]);
        assert!(texts("推行1+X证书制度，配备X光机和X射线检测仪").is_empty());
        assert_eq!(
            texts("〔　　〕号文件，（此处填写数据），讲{m}点"),
            ["〔　　〕", "（此处填写数据）", "{m}"]
        );
        assert!(texts("〔2026〕3号，（此外）").is_empty());
    }
}
