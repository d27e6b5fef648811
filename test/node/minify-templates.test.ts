// The build's template minifier (scripts/vite-minify-templates.ts): what it removes
// from CSS and HTML must never change what they mean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyHtml } from '../../scripts/vite-minify-templates.ts';

test('CSS: whitespace, comments, last semicolons, leading zeros and identifier quotes go', () => {
  const css = `
    /* a note */
    .list > [role='option'][aria-selected="true"] {
      padding: 0.25rem 0.5em;
      color: rgb(0 0 0 / 0.5);
    }
    @media (prefers-reduced-motion: reduce) {
      dialog[open] { animation: none; }
    }`;
  assert.equal(
    minifyCss(css),
    ' .list>[role=option][aria-selected=true]{padding:.25rem .5em;color:rgb(0 0 0/.5)}' +
      '@media (prefers-reduced-motion:reduce){dialog[open]{animation:none}}',
  );
});

test('CSS: what would change meaning stays', () => {
  // calc() needs its spaces; 10.5 and 20.25 are not leading zeros; a value that is not
  // an identifier keeps its quotes; a font name in quotes stays quoted.
  assert.equal(minifyCss('a { width: calc(100% - 2 * 0.5rem); }'), 'a{width:calc(100% - 2 * .5rem)}');
  assert.equal(minifyCss('a { margin: calc(var(--s) / 2) calc(var(--s) * 1.5); }'), 'a{margin:calc(var(--s)/2) calc(var(--s)*1.5)}');
  assert.equal(minifyCss('li:nth-child(2) * { color: red; }'), 'li:nth-child(2) *{color:red}');
  assert.equal(minifyCss('a { margin: 10.5px 20.25px; }'), 'a{margin:10.5px 20.25px}');
  assert.equal(minifyCss("[data-n='1'], [lang='zh Hant'] { x: y; }"), "[data-n='1'],[lang='zh Hant']{x:y}");
  assert.equal(minifyCss("a { font-family: 'SFMono-Regular', monospace; }"), "a{font-family:'SFMono-Regular',monospace}");
  // A part that ends before an interpolated fragment keeps its last semicolon.
  assert.equal(minifyCss('a { color: red; '), 'a{color:red;');
});

test('HTML: comments and line-broken whitespace go, text and attributes stay', () => {
  const html = `
      <!-- a note for the reader,
           over two lines -->
      <button type="submit"
        aria-disabled="false">
        Next <!-- inline --> page
      </button>`;
  assert.equal(minifyHtml(html), ' <button type="submit" aria-disabled="false"> Next  page </button>');
  // Spaces without a line break are the text's own.
  assert.equal(minifyHtml('<p>a  b</p>'), '<p>a  b</p>');
});
