// The program's catalogues for the page: each po/LANG.po of po/LINGUAS (the same files the
// program's .mo are compiled from) as one script, loaded by the page and handed to its worker,
// whose library translates with it as the program's does with gettext.
//   node po2js.js PO_DIR OUT.js  ->  var DX_PO = {"ko": {"plurals": 1, "messages": {...}}};
// A message is its English msgid -> the translation; a plural one -> its forms, [one, many]
// for a language with two. Untranslated and fuzzy entries are left out (English shows), as
// gettext does.
'use strict';
const fs = require('fs');
const path = require('path');

const [poDir, out] = process.argv.slice(2);

// The plural rules the page knows: gettext's Plural-Forms for languages without plurals, and
// for those with one form for 1.
const RULES = { 'nplurals=1; plural=0;': 1, 'nplurals=2; plural=(n != 1);': 2 };

// One po file: its entries as {id, plural, strs[], fuzzy}.
function entries(text) {
  const list = [];
  let e = null, field = null, fuzzy = false; // (the flags come before their entry)
  const str = (line) => JSON.parse(line.slice(line.indexOf('"')));
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) {
      fuzzy = fuzzy || (line.startsWith('#,') && /\bfuzzy\b/.test(line));
      continue;
    }
    if (line.startsWith('msgid ')) {
      e = { strs: [], fuzzy };
      fuzzy = false;
      list.push(e);
      e.id = str(line);
      field = 'id';
    } else if (line.startsWith('msgid_plural ')) {
      e.plural = str(line);
      field = 'plural';
    } else if (line.startsWith('msgstr')) {
      const m = /^msgstr(?:\[(\d+)\])? /.exec(line);
      field = Number(m[1] || 0);
      e.strs[field] = str(line);
    } else if (line.startsWith('msgctxt')) {
      throw new Error('msgctxt is not used by dfdx and not read here');
    } else if (line.startsWith('"')) {
      if (typeof field === 'number') e.strs[field] += str(line);
      else e[field] += str(line);
    } else {
      throw new Error('po line not understood: ' + line);
    }
  }
  return list;
}

const po = {};
const langs = fs.readFileSync(path.join(poDir, 'LINGUAS'), 'utf8').split(/\s+/).filter((l) => l && !l.startsWith('#'));
for (const lang of langs) {
  const list = entries(fs.readFileSync(path.join(poDir, lang + '.po'), 'utf8'));
  const header = list.find((e) => e.id === '');
  const rule = /Plural-Forms:\s*([^\n]*)/.exec(header ? header.strs[0] : '');
  const plurals = rule && RULES[rule[1].trim()];
  if (!plurals) throw new Error(lang + '.po: a Plural-Forms the page does not know: ' + (rule ? rule[1] : 'none'));
  const messages = {};
  for (const e of list) {
    if (e.id === '' || e.fuzzy || !e.strs.length || e.strs.some((s) => !s)) continue;
    messages[e.id] = e.plural !== undefined ? e.strs.slice(0, plurals) : e.strs[0];
  }
  po[lang] = { plurals, messages };
}
fs.writeFileSync(out, '// generated from po/*.po by web/po2js.js: do not edit\nvar DX_PO = ' + JSON.stringify(po) + ';\n');
