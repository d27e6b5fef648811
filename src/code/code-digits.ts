/**
 * The digits of a typed or pasted one-time code, whichever digits a phone keyboard or
 * a message wrote them in.
 */

// Zero of each decimal digit block a phone keyboard or a message may produce:
// ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, full-width.
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10];

/** The text with every digit of the blocks above written as an ASCII digit. */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    out += zero === undefined ? ch : String(cp - zero);
  }
  return out;
}

/** Only the digits of `text`, as ASCII: "12 34-5a6" → "123456". */
export function onlyDigits(text: string): string {
  return asciiDigits(text).replace(/\D/g, '');
}

/**
 * The code in a pasted text: "123 456", "Your code: 123-456". When the text holds more
 * digits than the code ("Code 123456, ref. 42"), a group of exactly `length` digits
 * (spaces and dashes allowed inside) wins; otherwise all the digits, in order.
 */
export function codeFromText(text: string, length: number): string {
  const groups = asciiDigits(text).match(/\d(?:[\s-]*\d)*/g) ?? [];
  const exact = groups.map(onlyDigits).find((g) => g.length === length);
  return exact ?? onlyDigits(text);
}
