// Builds the pages' static assets at build time (issue 26, ADR 48): one DSFR style sheet holding only what the pages
// use, and every text asset precompressed (gzip and Brotli) for Spring's EncodedResourceResolver.
//
//   node assets.mjs <frontend dir> <static output dir> <source dir>...
//
// The style sheet is DSFR's core, the components whose classes appear in a source file (templates, Java, scripts,
// messages), and the icon rules of the icons named there: a component is kept whole (its script adds modifier classes
// that no source names), an icon rule only if its icon is named. The links inside it (fonts, icons) carry the MD5 of
// the file they point to in Spring's own form (name-<md5>.ext, its content version strategy), so that they are cached
// for a year like the sheet itself and stay right in the precompressed copies, which Spring does not rewrite.
// Nothing but Node's own modules: no package runs at build time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, posix, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [frontend, out, ...sources] = process.argv.slice(2);
if (!frontend || !out || sources.length === 0) {
  console.error('usage: node assets.mjs <frontend dir> <static output dir> <source dir>...');
  process.exit(2);
}
const dist = join(frontend, 'node_modules/@gouvfr/dsfr/dist');
const BUNDLE = 'dsfr-cocon.min.css';

function walk(dir, files = []) {
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, files);
    else files.push(path);
  }
  return files;
}

// Every DSFR class a source names, whole or as the start of a name built at run time ('fr-badge--' + status).
const used = new Set();
for (const dir of sources) {
  for (const file of walk(dir)) {
    if (!/\.(html|java|js|properties)$/.test(file)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/fr-[a-z0-9_-]*[a-z0-9]/g)) used.add(m[0]);
  }
}

// A minified style sheet as a list of blocks: { prelude, body } for a rule, { prelude, children } for a group rule
// (@media, @supports, @layer), { text } for a statement (@charset, @import).
function parse(css) {
  const blocks = [];
  let i = 0;
  const skipComment = () => {
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      return true;
    }
    return false;
  };
  // reads up to the first character outside a quoted string for which stop(c) is true
  function scan(stop) {
    const start = i;
    let quote = null;
    for (; i < css.length; i++) {
      const c = css[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (stop(c)) break;
    }
    return css.slice(start, i);
  }
  const until = (stops) => scan((c) => stops.includes(c));
  function body() {
    // a rule's declarations, nested braces (none in DSFR's) kept as they are
    let depth = 0;
    const text = scan((c) => {
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) return true;
        depth--;
      }
      return false;
    });
    i++;
    return text;
  }
  function list(closing) {
    const result = [];
    while (i < css.length) {
      while (i < css.length && /\s/.test(css[i])) i++;
      if (skipComment()) continue;
      if (i >= css.length) break;
      if (css[i] === '}') {
        if (closing) i++;
        return result;
      }
      const prelude = until(['{', ';', '}']).trim();
      if (css[i] === ';') {
        i++;
        result.push({ text: prelude + ';' });
        continue;
      }
      if (css[i] === '}') continue;
      i++;
      if (/^@(media|supports|layer|container)\b/.test(prelude)) result.push({ prelude, children: list(true) });
      else result.push({ prelude, body: body() });
    }
    return result;
  }
  return list(false);
}

function print(blocks) {
  return blocks.map((b) => (b.text !== undefined ? b.text
    : b.children ? (b.children.length ? `${b.prelude}{${print(b.children)}}` : '')
      : `${b.prelude}{${b.body}}`)).join('');
}

// The DSFR classes of a sheet's selectors; with leading, only those a selector starts with (a component's own, where
// `.fr-header .fr-btn` names the button inside the header's sheet).
function classesOf(blocks, into = new Set(), leading = false) {
  for (const b of blocks) {
    if (b.children) classesOf(b.children, into, leading);
    else if (b.prelude && !b.prelude.startsWith('@')) {
      for (const selector of b.prelude.split(/,(?![^(]*\))/)) {
        const pattern = leading ? /^\s*[a-z]*\.(fr-[a-z0-9_-]*[a-z0-9])/g : /\.(fr-[a-z0-9_-]*[a-z0-9])/g;
        for (const m of selector.matchAll(pattern)) into.add(m[1]);
      }
    }
  }
  return into;
}

// Keeps the selectors whose classes of a family (icons, spacing, grid columns) are all named; a selector of no class
// of the family stays. No DSFR script adds a class of these families.
function trimmed(blocks, family) {
  const kept = [];
  for (const b of blocks) {
    if (b.children) {
      const children = trimmed(b.children, family);
      if (children.length) kept.push({ ...b, children });
      continue;
    }
    if (!b.prelude || b.prelude.startsWith('@')) {
      kept.push(b);
      continue;
    }
    const selectors = b.prelude.split(/,(?![^(]*\))/).filter((s) => {
      const named = [...s.replace(/:not\([^)]*\)/g, '').matchAll(/\.(fr-[a-z0-9_-]*[a-z0-9])/g)].map((m) => m[1]).filter((n) => family.test(n));
      return named.length === 0 || named.every((n) => used.has(n));
    });
    if (selectors.length) kept.push({ ...b, prelude: selectors.join(',') });
  }
  return kept;
}

const md5 = (file) => createHash('md5').update(readFileSync(file)).digest('hex');

// A link of a sheet from `file`, made relative to the bundle at the root of dist/ and versioned with its content.
function relink(css, file) {
  return css.replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, q, url) => {
    if (/^(data:|https?:|#|\/)/.test(url)) return whole;
    const [path, suffix = ''] = url.split(/(?=[?#])/);
    const target = resolve(dirname(file), path);
    const rel = relative(dist, target).split('\\').join('/');
    if (!existsSync(target) || rel.startsWith('..')) return whole;
    const ext = posix.extname(rel);
    return `url(${rel.slice(0, -ext.length)}-${md5(target)}${ext}${suffix})`;
  });
}

const read = (path) => readFileSync(join(dist, path), 'utf8');
if (!existsSync(dist)) {
  console.error(`DSFR not found in ${dist}: run npm ci (the build does it without -Dexec.skip)`);
  process.exit(1);
}
const parts = [];
const core = 'core/core.main.min.css';
const UTILITIES = /^fr-(m|mt|mb|ml|mr|mx|my|p|pt|pb|pl|pr|px|py)-(n?[0-9]+v|n?[0-9]+w|auto)$|^fr-col-/;
parts.push(relink(print(trimmed(parse(read(core).replace(/@charset "UTF-8";/, '')), UTILITIES)), join(dist, core)));
const coreClasses = classesOf(parse(read(core)));
const components = readdirSync(join(dist, 'component')).filter((c) => existsSync(join(dist, 'component', c, `${c}.main.min.css`)));
const kept = [];
for (const c of components) {
  const path = `component/${c}/${c}.main.min.css`;
  const own = [...classesOf(parse(read(path)), new Set(), true)].filter((k) => !coreClasses.has(k));
  if (own.some((k) => used.has(k))) {
    kept.push(c);
    parts.push(relink(read(path).replace(/@charset "UTF-8";/, ''), join(dist, path)));
  }
}
const iconsPath = 'utility/icons/icons.main.min.css';
parts.push(relink(print(trimmed(parse(read(iconsPath).replace(/@charset "UTF-8";/, '')), /^fr-(icon|fi)-/)),
  join(dist, iconsPath)));
const bundle = '@charset "UTF-8";' + parts.join('\n').replace(/\/\*![\s\S]*?\*\//g, '');
mkdirSync(join(out, 'dsfr'), { recursive: true });
writeFileSync(join(out, 'dsfr', BUNDLE), bundle);

// The DSFR script likewise: its core, its colour scheme (the pages follow the system's), and the scripts of the
// components kept above, in the order of DSFR's own bundle; each file in a block of its own, since each declares its
// names at its top. A page loads about a third less script to parse and run than DSFR's whole bundle.
const SCRIPT_ORDER = ['accordion', 'button', 'card', 'checkbox', 'segmented', 'breadcrumb', 'tooltip', 'toggle',
  'sidemenu', 'modal', 'password', 'navigation', 'tab', 'tag', 'transcription', 'tile', 'range', 'header', 'display',
  'table'];
const scripts = ['core/core.module.min.js', 'scheme/scheme.module.min.js',
  ...SCRIPT_ORDER.filter((c) => kept.includes(c)).map((c) => `component/${c}/${c}.module.min.js`)]
  .filter((path) => existsSync(join(dist, path)));
const unordered = kept.filter((c) => !SCRIPT_ORDER.includes(c) && existsSync(join(dist, `component/${c}/${c}.module.min.js`)));
if (unordered.length) {
  console.error(`DSFR: components with a script missing from SCRIPT_ORDER: ${unordered.join(' ')}`);
  process.exit(1);
}
const script = scripts.map((path) => `{\n${read(path).replace(/\/\/# sourceMappingURL=.*$/m, '').replace(/\/\*![\s\S]*?\*\//, '').trim()}\n}`)
  .join('\n');
// DSFR's notice (version, licence) once, at the top
const notice = /\/\*![\s\S]*?\*\//.exec(read(scripts[0]))[0];
writeFileSync(join(out, 'dsfr', 'dsfr-cocon.module.min.js'), `${notice}\n${script}\n`);
console.log(`DSFR: dsfr-cocon.module.min.js ${(script.length / 1024).toFixed(0)} KB, core + scheme + ${scripts.length - 2} component scripts`);

const defined = classesOf(parse(bundle));
const missing = [...used].filter((k) => !defined.has(k) && ![...defined].some((d) => d.startsWith(k + '-')));
console.log(`DSFR: ${BUNDLE} ${(bundle.length / 1024).toFixed(0)} KB, core + ${kept.length} components (${kept.join(', ')})`);
if (missing.length) console.log(`DSFR: named in the sources but defined nowhere in the sheet: ${missing.sort().join(' ')}`);

// The départements' outlines for the map the server draws (issue 26: DSFR Chart's map, a Vue application of 200 KB in
// Brotli and two seconds of a phone's processor, drawn only to colour 101 shapes). The outlines are DSFR Chart's own,
// read from its map component at build time, and written as one sprite of symbols (`d69`, `d971`) that a page links
// by `<use href="departements-<md5>.svg#d69">`: cached a year, coloured by the page through CSS.
const mapSource = join(frontend, 'node_modules/@gouvfr/dsfr-chart/dist/MapChart/MapChart.js');
if (existsSync(mapSource)) {
  const text = readFileSync(mapSource, 'utf8');
  const symbols = [];
  // each of the component's drawings: the metropolitan one (its view box in its settings, FranceProps), then one per
  // overseas département (its view box in the constant the drawing names: `rt("svg", Pv, [`)
  for (const drawing of text.split(/rt\("svg", /).slice(1)) {
    const paths = [...drawing.matchAll(/class: "FR-([0-9AB]+)",[\s\S]{0,200}?\bd: "([^"]+)"/g)];
    if (paths.length === 0) continue;
    const constant = /^([A-Za-z_$][\w$]*),/.exec(drawing)?.[1];
    const box = constant
      ? new RegExp(`(?:^|[^\\w$])${constant.replace('$', '\\$')} = \\{[^}]*viewBox: "([0-9 .]+)"`).exec(text)?.[1]
      : /FranceProps: \{\s*viewBox: "([0-9 .]+)"/.exec(text)?.[1];
    for (const [, code, d] of paths) symbols.push(`<symbol id="d${code}" viewBox="${box}"><path vector-effect="non-scaling-stroke" d="${d}"/></symbol>`);
  }
  if (symbols.length < 101 || symbols.some((symbol) => symbol.includes('viewBox="undefined"'))) {
    console.error(`DSFR Chart: ${symbols.length} outlines of départements found in ${mapSource}, 101 expected`);
    process.exit(1);
  }
  mkdirSync(join(out, 'dsfr-chart'), { recursive: true });
  writeFileSync(join(out, 'dsfr-chart', 'departements.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>`);
  console.log(`DSFR Chart: ${symbols.length} outlines of départements written to dsfr-chart/departements.svg`);
}

// Every text asset precompressed next to itself; the icons a sheet links to as well.
let count = 0;
for (const file of walk(out)) {
  if (!/\.(css|js|svg|json|ico|map)$/.test(file) || statSync(file).size < 1024) continue;
  const data = readFileSync(file);
  const gz = file + '.gz';
  if (existsSync(gz) && statSync(gz).mtimeMs >= statSync(file).mtimeMs) continue;
  writeFileSync(gz, gzipSync(data, { level: 9 }));
  writeFileSync(file + '.br', brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  count++;
}
console.log(`Static assets: ${count} files precompressed (gzip, Brotli)`);
