// Build-only Vite plugin: removes the indentation and line breaks inside Lit's
// `html`, `svg` and `css` templates of src/. Vite keeps them verbatim, and they are
// a good part of the bytes. Templates given to msg() are left exactly as written:
// @lit/localize identifies a message by its text.
// It also drops the `desc` of msg() calls: a note for translators, read from the
// source by `lit-localize extract` and never used at run time (about 6 kB of text).
import ts from 'typescript';
import type { Plugin } from 'vite';

const TAGS = new Set(['html', 'svg', 'css']);

export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    // A slash (calc(), rgb(0 0 0 / .5)) needs no spaces; a multiplication after a
    // closing parenthesis neither (a selector never has `) *` followed by a number).
    .replace(/\s*\/\s*/g, '/')
    .replace(/\)\s*\*\s*(?=[\d.])/g, ')*')
    // [aria-selected='true'] is [aria-selected=true]: an identifier needs no quotes.
    .replace(/\[([\w-]+)=(['"])(-?[A-Za-z_][\w-]*)\2\]/g, '[$1=$3]')
    // A declaration's colon needs no space after it; selectors never have one there.
    .replace(/:\s+/g, ':')
    // 0.75rem is .75rem: only after a separator, so 10.5 stays.
    .replace(/(^|[\s:(,/*])0\.(\d)/g, '$1.$2');
}

export function minifyHtml(text: string): string {
  // Comments are notes for the reader of the source, never for the browser (Lit's own
  // markers are made at run time). Whitespace with a line break is never significant in
  // these templates (no <pre>); one space keeps inline text and elements apart as before.
  return text.replace(/<!--(?!\?lit\$)[\s\S]*?-->/g, '').replace(/\s*\n\s*/g, ' ');
}

export function minifyTemplates(): Plugin {
  return {
    name: 'hik-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/[^?]*\.ts$/.test(id) || !/\b(html|css|svg)`|\bmsg\(/.test(code)) return null;
      const sf = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (
          ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text) &&
          !(ts.isCallExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === 'msg')
        ) {
          const t = node.template;
          const parts: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
          for (const part of parts) {
            const start = part.getStart(sf) + 1; // after ` or }
            const closesTemplate = ts.isNoSubstitutionTemplateLiteral(part) || part.kind === ts.SyntaxKind.TemplateTail;
            const end = part.getEnd() - (closesTemplate ? 1 : 2); // before ` or ${
            const raw = code.slice(start, end);
            const text = node.tag.text === 'css' ? minifyCss(raw) : minifyHtml(raw);
            if (text !== raw) edits.push({ start, end, text });
          }
        }
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
          const [text, options] = node.arguments;
          if (text && options && ts.isObjectLiteralExpression(options)) {
            const isDesc = (p: ts.ObjectLiteralElementLike) => !!p.name && ts.isIdentifier(p.name) && p.name.text === 'desc';
            const kept = options.properties.filter((p) => !isDesc(p));
            if (kept.length < options.properties.length) {
              edits.push(kept.length
                ? { start: options.getStart(sf), end: options.getEnd(), text: `{ ${kept.map((p) => p.getText(sf)).join(', ')} }` }
                : { start: text.getEnd(), end: options.getEnd(), text: '' });
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
      if (!edits.length) return null;
      let out = code;
      for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}
