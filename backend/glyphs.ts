/**
 * Stroke outlines of the captcha alphabet on a 10 × 14 grid (y down), as SVG path
 * data with only M, L and Q commands. The image never contains this text as is:
 * `captcha-image.ts` distorts every point and rewrites every segment.
 *
 * Letters that read like other characters are left out: I (1, l), O (0, Q's body
 * is kept because O is gone). With 32 symbols, sampling is a plain 5-bit draw.
 */
export const GLYPHS: Readonly<Record<string, string>> = {
  A: 'M0 14 L5 0 L10 14 M2.3 8.5 L7.7 8.5',
  B: 'M1 0 L1 14 M1 0 L6 0 Q9.5 0 9.5 3.5 Q9.5 7 6 7 L1 7 M6 7 Q10 7 10 10.5 Q10 14 6 14 L1 14',
  C: 'M10 2 Q8 0 5.5 0 Q0.5 0 0.5 7 Q0.5 14 5.5 14 Q8 14 10 12',
  D: 'M1 0 L1 14 L5 14 Q10 14 10 7 Q10 0 5 0 L1 0',
  E: 'M10 0 L1 0 L1 14 L10 14 M1 7 L7.5 7',
  F: 'M10 0 L1 0 L1 14 M1 7 L7.5 7',
  G: 'M10 2 Q8 0 5.5 0 Q0.5 0 0.5 7 Q0.5 14 5.5 14 Q10 14 10 9 L10 7.5 L6 7.5',
  H: 'M1 0 L1 14 M9 0 L9 14 M1 7 L9 7',
  J: 'M3 0 L9 0 M7 0 L7 10 Q7 14 3.5 14 Q1 14 0.5 11',
  K: 'M1 0 L1 14 M9.5 0 L1 9 M4 6 L10 14',
  L: 'M1 0 L1 14 L9.5 14',
  M: 'M0.5 14 L0.5 0 L5 9 L9.5 0 L9.5 14',
  N: 'M1 14 L1 0 L9 14 L9 0',
  P: 'M1 14 L1 0 L6 0 Q10 0 10 3.75 Q10 7.5 6 7.5 L1 7.5',
  Q: 'M5 0 Q0 0 0 7 Q0 14 5 14 Q10 14 10 7 Q10 0 5 0 M6 10 L10 14.5',
  R: 'M1 14 L1 0 L6 0 Q10 0 10 3.75 Q10 7.5 6 7.5 L1 7.5 M5.5 7.5 L10 14',
  S: 'M9.5 1.5 Q8 0 5 0 Q1 0 1 3.5 Q1 6.5 5 7 Q9.5 7.5 9.5 10.5 Q9.5 14 5 14 Q1.5 14 0.5 12',
  T: 'M0 0 L10 0 M5 0 L5 14',
  U: 'M1 0 L1 9.5 Q1 14 5 14 Q9 14 9 9.5 L9 0',
  V: 'M0 0 L5 14 L10 0',
  W: 'M0 0 L2.5 14 L5 4 L7.5 14 L10 0',
  X: 'M0.5 0 L9.5 14 M9.5 0 L0.5 14',
  Y: 'M0 0 L5 7 L10 0 M5 7 L5 14',
  Z: 'M0.5 0 L9.5 0 L0.5 14 L9.5 14',
  2: 'M0.5 3.5 Q1 0 5 0 Q9.5 0 9.5 4 Q9.5 7 5 9.5 L0.5 14 L9.5 14',
  3: 'M0.5 1.5 Q2 0 5 0 Q9 0 9 3.5 Q9 7 5 7 Q9.5 7 9.5 10.5 Q9.5 14 5 14 Q1.5 14 0.5 12',
  4: 'M7 14 L7 0 L0.5 10 L10 10',
  5: 'M9 0 L1.5 0 L1 6.5 Q3 5 5.5 5 Q9.5 5 9.5 9.5 Q9.5 14 5 14 Q1.5 14 0.5 12',
  6: 'M8.5 1 Q7 0 5.5 0 Q0.5 0 0.5 8 Q0.5 14 5 14 Q9.5 14 9.5 9.5 Q9.5 5.5 5 5.5 Q2 5.5 0.7 8',
  7: 'M0.5 0 L9.5 0 L4 14',
  8: 'M5 7 Q1 7 1 3.5 Q1 0 5 0 Q9 0 9 3.5 Q9 7 5 7 Q0.5 7 0.5 10.5 Q0.5 14 5 14 Q9.5 14 9.5 10.5 Q9.5 7 5 7',
  9: 'M9.3 6 Q8 8.5 5 8.5 Q0.5 8.5 0.5 4.25 Q0.5 0 5 0 Q9.5 0 9.5 6 Q9.5 14 4.5 14 Q2.5 14 1.5 13',
};

/** The symbols a challenge is drawn from. */
export const ALPHABET = Object.keys(GLYPHS).sort().join('');

export type Point = [number, number];
/** One segment as a cubic Bézier: start, two controls, end. */
export type Cubic = [Point, Point, Point, Point];

/** Parses a glyph's path data into strokes of cubic segments (lines and quadratics raised to cubics). */
export function glyphStrokes(symbol: string): Cubic[][] {
  const data = GLYPHS[symbol];
  if (data === undefined) throw new RangeError(`no glyph for ${symbol}`);
  const tokens = data.match(/[MLQ]|-?\d+(?:\.\d+)?/g) ?? [];
  const strokes: Cubic[][] = [];
  let current: Cubic[] = [];
  let pen: Point = [0, 0];
  let i = 0;
  const num = (): number => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      if (current.length) strokes.push(current);
      current = [];
      pen = [num(), num()];
    } else if (command === 'L') {
      const end: Point = [num(), num()];
      current.push([pen, lerp(pen, end, 1 / 3), lerp(pen, end, 2 / 3), end]);
      pen = end;
    } else if (command === 'Q') {
      const control: Point = [num(), num()];
      const end: Point = [num(), num()];
      // Degree elevation: the same curve as a cubic.
      current.push([pen, lerp(pen, control, 2 / 3), lerp(end, control, 2 / 3), end]);
      pen = end;
    }
  }
  if (current.length) strokes.push(current);
  return strokes;
}

export function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}
