// libphonenumber-js's PhoneNumber class without the methods the phone field never calls,
// so that the modules only they reach stay out of the phone way's chunk (issue 10: 986 B
// gzip of the phone path, most of it the number formatter es6/format.js, which the field
// does not need: it formats with AsYouType).
//
// The field reads numbers with AsYouType, whose getNumber() makes a PhoneNumber, and
// uses its `country`, `nationalNumber`, `number` and isValid() (src/contact/phone-lib.ts).
// A class keeps all its methods whether called or not, so the bundler cannot drop them:
// here they are cut from the class's list of methods, with the imports only they use.
// Every method of AsYouType still works. PhoneNumber's format(), formatNational(),
// formatInternational(), getURI() and getPossibleCountries() would throw "not a
// function": to call one, take its name out of NEVER_CALLED.
//
// Applied wherever the element's code is bundled or served: the library build, Storybook
// and the demo's dev server (vite.config.ts), and the browser tests
// (web-test-runner.config.mjs), so every browser test runs the class that ships. Node
// (test/node/) runs the library as published: phone-lib.test.ts's reference parser
// formats numbers.
import ts from 'typescript';

/** The methods cut from PhoneNumber, and the modules only they import. */
const NEVER_CALLED = ['format', 'formatNational', 'formatInternational', 'getURI', 'getPossibleCountries'];
const THEIR_IMPORTS = { formatNumber: './format.js', getPossibleCountriesForNumber: './helpers/getPossibleCountriesForNumber.js' };

/** libphonenumber-js's ES module of the class (the `core` entry's), by file path or URL path. */
export const PHONE_NUMBER_MODULE = /[\\/]libphonenumber-js[\\/]es6[\\/]PhoneNumber\.js$/;

interface Edit {
  start: number;
  end: number;
  text: string;
}

const keyOf = (method: ts.Expression): string | undefined => {
  if (!ts.isObjectLiteralExpression(method)) return undefined;
  const key = method.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'key');
  return key && ts.isStringLiteral(key.initializer) ? key.initializer.text : undefined;
};

/**
 * The source of es6/PhoneNumber.js without the methods of NEVER_CALLED and their imports.
 * Throws if the library's source is no longer as expected (a new version), rather than
 * ship a class cut wrong or not cut at all.
 */
export function trimPhoneNumber(source: string): string {
  const file = ts.createSourceFile('PhoneNumber.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits: Edit[] = [];
  const cut = new Set<string>();
  let imports = 0;
  // Babel's class: `_createClass(PhoneNumber, [{ key: "setExt", value: function … }, …])`.
  const visit = (node: ts.Node): void => {
    const methods = ts.isCallExpression(node) && node.expression.getText() === '_createClass' ? node.arguments[1] : undefined;
    if (methods && ts.isArrayLiteralExpression(methods)) {
      const kept = methods.elements.filter((method) => {
        const key = keyOf(method);
        const unused = key !== undefined && NEVER_CALLED.includes(key);
        if (unused) cut.add(key);
        return !unused;
      });
      edits.push({ start: methods.getStart(), end: methods.getEnd(), text: `[${kept.map((m) => m.getText()).join(', ')}]` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const name = statement.importClause?.name?.text;
    if (name && THEIR_IMPORTS[name as keyof typeof THEIR_IMPORTS] === statement.moduleSpecifier.text) {
      edits.push({ start: statement.getStart(), end: statement.getEnd(), text: '' });
      imports++;
    }
  }
  let trimmed = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    trimmed = trimmed.slice(0, edit.start) + edit.text + trimmed.slice(edit.end);
  }
  const missing = NEVER_CALLED.filter((name) => !cut.has(name));
  const left = Object.keys(THEIR_IMPORTS).filter((name) => new RegExp(`\\b${name}\\b`).test(trimmed));
  if (missing.length || left.length || imports !== Object.keys(THEIR_IMPORTS).length) {
    throw new Error(
      `scripts/trim-phone-number.ts: libphonenumber-js's PhoneNumber.js is not as expected (methods not found: ${missing.join(', ') || 'none'}; still used: ${left.join(', ') || 'none'}; imports cut: ${imports}): update the script for this version`,
    );
  }
  return trimmed;
}

/** A Vite and Rolldown plugin (the build, and the dev server's dependency bundling). */
export function trimPhoneNumberPlugin() {
  return {
    name: 'hik-trim-phone-number',
    transform: (code: string, id: string) => (PHONE_NUMBER_MODULE.test(id) ? { code: trimPhoneNumber(code), map: null } : null),
  };
}

/** The same for @web/dev-server (the browser tests), which serves node_modules file by file. */
export function trimPhoneNumberServed() {
  return {
    name: 'hik-trim-phone-number',
    transform(context: { path: string; body: unknown }) {
      return PHONE_NUMBER_MODULE.test(context.path) && typeof context.body === 'string'
        ? { body: trimPhoneNumber(context.body) }
        : undefined;
    },
  };
}
