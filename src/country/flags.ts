/**
 * Whether this browser draws flag emoji. Windows draws the two letters ("GB"), and a
 * system without a colour emoji font (many Linux kiosks, an NVR's browser) draws two
 * empty boxes: both look broken beside a country's name, so the widget then shows no
 * flag at all (the name and calling code say everything; the flag is decoration).
 *
 * The test draws 🇬🇧 once on a small canvas and looks for a coloured pixel: letters
 * and boxes are drawn in one grey. Answered once per page.
 */
let answer: boolean | undefined;

export function flagsRender(): boolean {
  answer ??= drawsColourFlag();
  return answer;
}

function drawsColourFlag(): boolean {
  try {
    const size = 24;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return false;
    context.font = `${size - 4}px sans-serif`;
    context.textBaseline = 'top';
    context.fillText('\u{1F1EC}\u{1F1E7}', 0, 0);
    const pixels = context.getImageData(0, 0, size, size).data;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3]! > 0 && (pixels[i] !== pixels[i + 1] || pixels[i + 1] !== pixels[i + 2])) return true;
    }
    return false;
  } catch {
    return false; // no canvas (a locked-down browser): no flags, nothing broken
  }
}
