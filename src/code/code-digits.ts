/**
 * The digits of a typed or pasted one-time code, whichever digits a phone keyboard or
 * a message wrote them in.
 */
import { asciiDigits } from '../internal/digits.ts';

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
