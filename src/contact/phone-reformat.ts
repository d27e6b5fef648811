/**
 * Formatting a phone field while the user types in it, without the caret jumping: it
 * stays after the same digit, whatever spaces and brackets the formatter moves around.
 * Part of the phone way's lazy chunk (the tools of phone-lib.ts use it).
 */

/** A field's text and where its caret is. */
export interface Edit { value: string; caret: number }

/** Digits and `+`: the characters the caret stays next to when spaces move around. */
const isSignificant = (ch: string) => /[\d+]/.test(ch);
const countSignificant = (text: string) => [...text].filter(isSignificant).length;

/**
 * Formats the text of a phone field after an edit and says where the caret goes:
 * after the same digit as before, or at the end if it was there.
 * `previous` is the text before the edit, `backspace` whether the edit was one.
 */
export function reformat(edit: Edit, previous: string, backspace: boolean, format: (text: string) => string): Edit {
  let { value, caret } = edit;
  const atEnd = caret === value.length;
  // Backspace right after a space or bracket removes only that separator, which
  // formatting puts straight back: remove the digit before it instead.
  if (backspace && countSignificant(value) === countSignificant(previous)) {
    const before = value.slice(0, caret).replace(/[\d+](?=[^\d+]*$)/, '');
    value = before + value.slice(caret);
    caret = before.length;
  }
  const keep = countSignificant(value.slice(0, caret));
  const formatted = format(value);
  if (atEnd || keep === 0) return { value: formatted, caret: atEnd ? formatted.length : 0 };
  let seen = 0;
  for (let i = 0; i < formatted.length; i += 1) {
    if (isSignificant(formatted[i]) && (seen += 1) === keep) return { value: formatted, caret: i + 1 };
  }
  return { value: formatted, caret: formatted.length };
}
