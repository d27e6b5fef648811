// The back-translation check of issue 13. A reader who has not seen the English source
// turns each translation back into English; the two are then compared, and every
// string whose meaning changed is fixed in xliff/<lang>.xlf.
//   node scripts/back-translate.mjs export <lang>   the translations only (id TAB text),
//                                                   no English, placeholders as {0}
//   node scripts/back-translate.mjs compare <lang>  source, translation and back-translation
//                                                   side by side, from xliff/back-translation/<lang>.tsv
//   node scripts/back-translate.mjs status          which languages have a back-translation
// xliff/back-translation/<lang>.tsv holds the reader's English (id TAB English), written
// from the export before the source is looked at; xliff/back-translation/README.md
// records per language how many strings the comparison changed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { units } from './check-xliff.mjs';

const DIR = 'xliff/back-translation';
const plain = (s) =>
  (s ?? '')
    .replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const catalogue = (lang) => units(readFileSync(`xliff/${lang}.xlf`, 'utf8'));

function backOf(lang) {
  const file = `${DIR}/${lang}.tsv`;
  if (!existsSync(file)) return new Map();
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  return new Map(rows.map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1).trim()]));
}

const [command, lang] = process.argv.slice(2);
if (command === 'export' && lang) {
  for (const [id, u] of catalogue(lang)) console.log(`${id}\t${plain(u.target)}`);
} else if (command === 'compare' && lang) {
  const back = backOf(lang);
  let missing = 0;
  for (const [id, u] of catalogue(lang)) {
    if (!back.has(id)) missing++;
    console.log(`## ${id}\n  source: ${plain(u.source)}\n  target: ${plain(u.target)}\n  back:   ${back.get(id) ?? '(none)'}`);
  }
  if (missing) console.error(`${missing} strings of ${lang} have no back-translation`);
} else if (command === 'status') {
  const langs = readdirSync('xliff').filter((f) => f.endsWith('.xlf')).map((f) => f.slice(0, -4));
  for (const l of langs) {
    const n = catalogue(l).size;
    const b = backOf(l);
    const done = [...catalogue(l).keys()].filter((id) => b.has(id)).length;
    console.log(`${l.padEnd(8)} ${done}/${n} back-translated`);
  }
} else {
  console.error('Usage: node scripts/back-translate.mjs export|compare <lang> | status');
  process.exitCode = 2;
}
