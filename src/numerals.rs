//! Chinese numerals: cardinal numbers, counting words (两 vs 二) and parsing them back.

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Cardinal number in Chinese as used in ordinals: 0 → 〇, 10 → 十, 11 → 十一, 20 → 二十,
/// 100 → 一百, 105 → 一百零五. Numbers of 10 000 and above fall back to digit-by-digit form.
pub fn cardinal(n: u64) -> String {
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                String::new()
            } else {
                cardinal(n - 10)
            }
        ),
        20..=99 => {
            let rest = n % 10;
            format!(
                "{}十{}",
                DIGITS[(n / 10) as usize],
                if rest == 0 {
                    String::new()
                } else {
                    cardinal(rest)
                }
            )
        }
        100..=9999 => {
            let (unit, div) = if n < 1000 {
                ('百', 100)
            } else {
                ('千', 1000)
            };
            let head = DIGITS[(n / div) as usize];
            let rest = n % div;
            if rest == 0 {
                format!("{head}{unit}")
            } else if rest < div / 10 {
                format!("{head}{unit}零{}", cardinal(rest))
            } else if rest < 20 && div == 100 {
                // 110 → 一百一十, not 一百十
                format!("{head}{unit}一{}", cardinal(rest))
            } else {
                format!("{head}{unit}{}", cardinal(rest))
            }
        }
        _ => digits(n),
    }
}

/// Counting word placed before a measure word (点, 个, 项): 2 → 两, otherwise the cardinal.
/// 12 and 22 keep 二 (十二点, 二十二点), as the language does.
pub fn count(n: u64) -> String {
    if n == 2 {
        "两".to_string()
    } else {
        cardinal(n)
    }
}

/// Digit-by-digit form used in formal dates: 2026 → 二〇二六.
pub fn digits(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// Parses a Chinese cardinal at the start of `text` (一 … 九十九, with 两 and 〇/零).
/// Returns the value and the number of bytes consumed.
pub fn parse_prefix(text: &str) -> Option<(u64, usize)> {
    let mut total: u64 = 0;
    let mut current: Option<u64> = None;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        match c {
            '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' =>
            {
                let d = "〇一二三四五六七八九"
                    .chars()
                    .position(|x| x == c)
                    .unwrap_or(if c == '两' { 2 } else { 0 }) as u64;
                if current.is_some_and(|v| v != 0) {
                    break; // 一二: two digits in a row is not a cardinal
                }
                current = Some(d);
            }
            '十' => {
                if total % 100 >= 10 {
                    break;
                }
                total += current.map_or(10, |v| v.max(1) * 10);
                current = None;
            }
            '百' => {
                let head = current.filter(|v| *v > 0)?;
                if total > 0 {
                    break;
                }
                total += head * 100;
                current = None;
            }
            _ => break,
        }
        used = i + c.len_utf8();
    }
    (used > 0).then(|| (total + current.unwrap_or(0), used))
}

/// Parses ASCII or full-width digits at the start of `text`.
pub fn parse_arabic_prefix(text: &str) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let d = match c {
            '0'..='9' => c as u64 - '0' as u64,
            '０'..='９' => c as u64 - '０' as u64,
            _ => break,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        used = i + c.len_utf8();
    }
    (used > 0).then_some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinal_edge_cases() {
        let cases = [
            (0, "〇"),
            (1, "一"),
            (2, "二"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (120, "一百二十"),
            (2026, "二千零二十六"),
        ];
        for (n, want) in cases {
            assert_eq!(cardinal(n), want, "cardinal({n})");
        }
    }

    #[test]
    fn counting_word_uses_liang_only_for_two() {
        assert_eq!(count(2), "两");
        assert_eq!(count(3), "三");
        assert_eq!(count(12), "十二");
        assert_eq!(count(22), "二十二");
        assert_eq!(count(0), "〇");
    }

    #[test]
    fn digits_form() {
        assert_eq!(digits(2026), "二〇二六");
        assert_eq!(digits(2000), "二〇〇〇");
        assert_eq!(digits(0), "〇");
    }

    #[test]
    fn parse_round_trips_cardinals() {
        for n in 1..=120 {
            let text = format!("{}是", cardinal(n));
            assert_eq!(parse_prefix(&text), Some((n, cardinal(n).len())), "{text}");
        }
        assert_eq!(parse_prefix("两点意见"), Some((2, 3)));
        assert_eq!(parse_prefix("是"), None);
        assert_eq!(parse_arabic_prefix("12、"), Some((12, 2)));
        assert_eq!(parse_arabic_prefix("３．"), Some((3, 3)));
    }
}
