import { ALPHABET, glyphStrokes, lerp, type Cubic, type Point } from './glyphs.ts';
import { randomInt, toBase64 } from './random.ts';

const WIDTH = 180;
const HEIGHT = 64;

/** `length` symbols drawn uniformly from the captcha alphabet. */
export function randomAnswer(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length - 1)];
  return out;
}

/**
 * Draws `answer` as one SVG path plus noise, as a `data:` URL.
 *
 * The markup must not give the answer away, so no glyph is recognisable by its
 * text: every point is rotated, scaled and jittered, every segment is written as a
 * cubic (some split in two, some strokes reversed), and the strokes of all glyphs
 * are shuffled into a single path. Reading it back takes rendering and OCR.
 */
export function renderCaptcha(answer: string): string {
  const cell = (WIDTH - 24) / answer.length;
  const strokes: Cubic[][] = [];
  [...answer].forEach((symbol, index) => {
    const place = placement(12 + cell * (index + 0.5), HEIGHT / 2);
    for (const stroke of glyphStrokes(symbol)) strokes.push(stroke.map((c) => c.map(place) as Cubic));
  });
  const hue = randomInt(359);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="hsl(${(hue + 180) % 360},30%,95%)"/>`,
    noiseCurves(3, `hsl(${(hue + 90) % 360},35%,60%)`, 1.2),
    `<path d="${shuffle(strokes.flatMap(rewrite)).join('')}" fill="none" stroke="hsl(${hue},55%,22%)" stroke-width="${rand(2.3, 2.9).toFixed(1)}" stroke-linecap="round" stroke-linejoin="round"/>`,
    noiseCurves(2, `hsl(${hue},45%,35%)`, 1.1),
    noiseDots(40, `hsl(${(hue + 40) % 360},40%,40%)`),
    '</svg>',
  ];
  return `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(parts.join('')))}`;
}

/** Glyph grid (10 × 14, centre 5,7) to image space, with this glyph's own distortion. */
function placement(cx: number, cy: number): (p: Point) => Point {
  const angle = rand(-0.4, 0.4);
  const scale = rand(2.6, 3.1);
  const stretch = rand(0.85, 1.15);
  const skew = rand(-0.25, 0.25);
  const dx = cx + rand(-3, 3);
  const dy = cy + rand(-4, 4);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return ([x, y]) => {
    const gx = (x - 5 + rand(-0.25, 0.25)) * scale * stretch + (y - 7) * skew * scale;
    const gy = (y - 7 + rand(-0.25, 0.25)) * scale;
    return [dx + gx * cos - gy * sin, dy + gx * sin + gy * cos];
  };
}

/** One stroke as path data: maybe reversed, segments maybe split, all as `C`. */
function rewrite(stroke: Cubic[]): string {
  const segments = randomInt(1) ? stroke : stroke.map(reverse).reverse();
  const pieces = segments.flatMap((c) => (randomInt(2) === 0 ? split(c) : [c]));
  const first = pieces[0];
  if (!first) return '';
  return `M${fmt(first[0])}` + pieces.map((c) => `C${fmt(c[1])} ${fmt(c[2])} ${fmt(c[3])}`).join('');
}

function reverse([a, b, c, d]: Cubic): Cubic {
  return [d, c, b, a];
}

/** De Casteljau at t = 0.5. */
function split([a, b, c, d]: Cubic): Cubic[] {
  const ab = lerp(a, b, 0.5);
  const bc = lerp(b, c, 0.5);
  const cd = lerp(c, d, 0.5);
  const abc = lerp(ab, bc, 0.5);
  const bcd = lerp(bc, cd, 0.5);
  const mid = lerp(abc, bcd, 0.5);
  return [[a, ab, abc, mid], [mid, bcd, cd, d]];
}

function noiseCurves(count: number, colour: string, width: number): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const y = (): number => rand(4, HEIGHT - 4);
    d += `M${fmt([rand(0, 20), y()])}C${fmt([rand(40, 80), y()])} ${fmt([rand(100, 140), y()])} ${fmt([rand(160, WIDTH), y()])}`;
  }
  return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}"/>`;
}

function noiseDots(count: number, colour: string): string {
  let d = '';
  for (let i = 0; i < count; i++) d += `M${fmt([rand(0, WIDTH), rand(0, HEIGHT)])}h0`;
  return `<path d="${d}" stroke="${colour}" stroke-width="2.2" stroke-linecap="round"/>`;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function rand(min: number, max: number): number {
  return min + (randomInt(1_000_000) / 1_000_000) * (max - min);
}

function fmt([x, y]: Point): string {
  return `${x.toFixed(1)} ${y.toFixed(1)}`;
}
