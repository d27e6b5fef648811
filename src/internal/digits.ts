/**
 * Digits as ASCII, whichever digits a keyboard or a message wrote them in: a phone set
 * to Arabic, Persian, Hindi, Bengali or Thai types its own digits, a Japanese or
 * Chinese input method full-width ones.
 */

// Zero of each decimal digit block a phone keyboard or a message may produce:
// ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, full-width.
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10];

/** The text with every digit of the blocks above written as an ASCII digit: "٤٢" → "42". */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    out += zero === undefined ? ch : String(cp - zero);
  }
  return out;
}
