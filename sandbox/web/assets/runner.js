/*
 * Runs an exercise's Jest-style test files in the check page, and says what happened in words
 * a beginner can act on.
 *
 * runTestFiles(["/page.test.js"], {testTimeoutMs: 2000}) resolves to
 *   {tests: [{name, status: "passed" | "failed" | "skipped", message, duration_ms}], error: null}
 * and never rejects for a learner's mistake. A test file (or a learner file it imports) that
 * cannot load becomes one failed test, "Your code loads", naming the file and line to fix.
 *
 * Why the load check works this way: when import() fails on a syntax error, Chromium gives no
 * file or line. Importing the same URL again from a small module script does not run anything
 * twice (the browser keeps the failed module), but it fires a window "error" event that carries
 * the file name and line number.
 */

import * as runtime from './jest.js';
import {provideSources} from './checks.js';

const GLOBAL_NAMES = ['describe', 'test', 'it', 'xtest', 'xit', 'xdescribe', 'fit', 'fdescribe',
  'expect', 'jest', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll'];
const LOAD_CHECK_NAME = 'Your code loads';
const DEFAULT_TIMEOUT_MS = 5000;
const PROBE_TIMEOUT_MS = 2000;
const PACKAGE_NAMES = new Set(['@jest/globals', '@tutor/checks']);
const STACK_LOCATION = /([a-z][\w+.-]*:\/\/[^\s()]+?):(\d+):(\d+)\)?\s*$/i;
const MISSING_EXPORT = /The requested module '([^']+)' does not provide an export named '([^']+)'/;
const COMMON_JS = /\b(module|require|exports) is not defined\b/;

/** Run the given test files one after another and report every test's outcome. */
export async function runTestFiles(paths, options = {}) {
  const limit = Number(options && options.testTimeoutMs);
  const timeout = limit > 0 ? limit : DEFAULT_TIMEOUT_MS;
  try {
    const sources = await fetchSources();
    provideSources(sources);
    const files = new FileNames(sources);
    for (const name of GLOBAL_NAMES) globalThis[name] = runtime[name];
    const tests = [];
    for (const path of paths) tests.push(...await runFile(String(path), timeout, files));
    return {tests, error: null};
  } catch (error) {
    return {tests: [], error: `The checks could not run: ${error && error.message || error}`};
  }
}

async function fetchSources() {
  try {
    const response = await fetch(new URL('/__tutor__/sources.json', import.meta.url), {cache: 'no-store'});
    const data = response.ok ? await response.json() : {};
    return data && typeof data === 'object' ? data : {};
  } catch {
    return {};
  }
}

/** Turns page URLs into the file names a learner knows ("two-fer.js", not a URL). */
class FileNames {
  constructor(sources) {
    this.sources = sources;
  }

  pathOf(url) {
    try {
      return decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
    } catch {
      return String(url).replace(/^[a-z][\w+.-]*:\/\/[^/]*\/?/i, '').replace(/[?#].*$/, '');
    }
  }

  // The learner's file a URL serves, the way the page server resolves "./two-fer".
  learnerFile(url) {
    const path = this.pathOf(url);
    for (const candidate of [path, `${path}.js`, `${path}/index.js`]) {
      if (Object.prototype.hasOwnProperty.call(this.sources, candidate)) return candidate;
    }
    return null;
  }

  display(url) {
    const path = this.pathOf(url);
    return this.learnerFile(url) || (/\.[a-z]+$/i.test(path) ? path : `${path}.js`);
  }

  isInternal(url) {
    return this.pathOf(url).startsWith('__tutor__/');
  }
}

async function runFile(path, timeout, files) {
  runtime.startFile({testTimeoutMs: timeout});
  const url = new URL(path, import.meta.url).href;
  try {
    await import(url);
  } catch (error) {
    const message = await explainLoadFailure(url, error, files);
    return [{name: LOAD_CHECK_NAME, status: 'failed', message, duration_ms: 0}];
  }
  // An error thrown where no test can catch it (a timer, an event handler the test fired)
  // fails the test that is running, like Jest does.
  const onError = (event) => {
    const uncaught = {uncaught: true, error: event.error, message: event.message,
      filename: event.filename, lineno: event.lineno};
    if (runtime.failRunningTest(uncaught)) event.preventDefault();
  };
  window.addEventListener('error', onError);
  try {
    return await runtime.runCollectedTests({describeError: (error) => describeFailure(error, files)});
  } finally {
    window.removeEventListener('error', onError);
  }
}

// -- Failure messages ---------------------------------------------------------------------------

function describeFailure(failure, files) {
  let error = failure;
  let fallbackPlace = null;
  if (failure && failure.uncaught === true) {
    error = failure.error !== undefined && failure.error !== null ? failure.error
      : {name: 'Error', message: String(failure.message || 'An error happened.').replace(/^Uncaught /, '')};
    fallbackPlace = learnerPlace(failure.filename, failure.lineno, files);
  }
  const text = runtime.describeErrorPlainly(error).replace(/\s+$/, '');
  if (error && (error.matcherResult || error.isMatcherError)) return text;
  const place = placeInLearnerCode(error, files) || fallbackPlace;
  return place ? `${text}\n\nThis happened in ${place.file} on line ${place.line}.` : text;
}

function learnerPlace(url, line, files) {
  if (!url || !line) return null;
  const file = files.learnerFile(url);
  return file ? {file, line} : null;
}

// The first place in the learner's own files that an error's stack passes through.
function placeInLearnerCode(error, files) {
  const stack = error && typeof error.stack === 'string' ? error.stack : '';
  for (const line of stack.split('\n')) {
    const match = STACK_LOCATION.exec(line.trim());
    if (!match || files.isInternal(match[1])) continue;
    const place = learnerPlace(match[1], Number(match[2]), files);
    if (place) return place;
  }
  return null;
}

function firstPlace(error, files) {
  const stack = error && typeof error.stack === 'string' ? error.stack : '';
  for (const line of stack.split('\n')) {
    const match = STACK_LOCATION.exec(line.trim());
    if (match && !files.isInternal(match[1])) return {url: match[1], line: Number(match[2])};
  }
  return null;
}

function messageOf(error) {
  if (error && typeof error.message === 'string') return error.message;
  return String(error);
}

// -- Why a file did not load -----------------------------------------------------------------------

async function explainLoadFailure(url, error, files) {
  const message = messageOf(error);
  if (/Failed to fetch dynamically imported module|Failed to resolve module specifier/i.test(message)) {
    const missing = await findMissingImport(url, files);
    if (missing) return missing;
  }
  const probe = await probeModule(url);
  if (probe && probe.filename && !probe.filename.startsWith('blob:')) {
    return explainWithPlace(probe.error ? messageOf(probe.error) : probe.message,
      probe.filename, probe.lineno, files);
  }
  const place = firstPlace(error, files);
  if (place) return explainWithPlace(message, place.url, place.line, files);
  if (probe && probe.filename) {
    const again = await findMissingImport(url, files);
    if (again) return again;
  }
  return `The checks could not load ${files.display(url)}: ${message}`;
}

function explainWithPlace(rawMessage, fileUrl, line, files) {
  const message = String(rawMessage).replace(/^Uncaught /, '').replace(/^\w*Error: /, '');
  const file = files.display(fileUrl);
  const missingExport = MISSING_EXPORT.exec(message);
  if (missingExport) {
    const target = files.display(new URL(missingExport[1], fileUrl).href);
    const name = missingExport[2];
    if (files.learnerFile(fileUrl)) {
      return `There is a mistake in ${file} on line ${line}: ` + (name === 'default'
        ? `${target} has no default export.` : `${target} does not export \`${name}\`.`);
    }
    if (name === 'default') {
      return `The checks need the default export of ${target}, but ${target} has none. ` +
        `Add \`export default\` in front of what ${target} should give.`;
    }
    return `The checks need \`${name}\` from ${target}, but ${target} does not export it. ` +
      'Put the word `export` in front of the line that makes it.';
  }
  const commonJs = COMMON_JS.test(message)
    ? ' Here, files share code with `export` and `import`, not `module.exports` or `require`.' : '';
  const ending = commonJs && !/[.!?]$/.test(message) ? '.' : '';
  return `There is a mistake in ${file} on line ${line}: ${message}${ending}${commonJs}`;
}

// Import the URL again from a tiny module script, and catch the located error it reports.
function probeModule(url) {
  return new Promise((resolve) => {
    let found = null;
    const onError = (event) => {
      if (found === null) {
        found = {error: event.error, message: event.message, filename: event.filename,
          lineno: event.lineno};
      }
      event.preventDefault();
    };
    const blobUrl = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`],
      {type: 'text/javascript'}));
    const script = document.createElement('script');
    let timer = null;
    const finish = () => {
      clearTimeout(timer);
      window.removeEventListener('error', onError);
      script.remove();
      URL.revokeObjectURL(blobUrl);
      resolve(found);
    };
    window.addEventListener('error', onError);
    script.type = 'module';
    script.src = blobUrl;
    script.onload = finish;
    script.onerror = finish;
    timer = setTimeout(finish, PROBE_TIMEOUT_MS);
    (document.head || document.documentElement).appendChild(script);
  });
}

const IMPORT_FROM = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"'\n]+)\1/g;

function staticImports(code) {
  const found = [];
  for (const match of code.matchAll(IMPORT_FROM)) {
    const line = code.slice(0, match.index + match[0].indexOf(match[1])).split('\n').length;
    found.push({specifier: match[2], line});
  }
  return found;
}

// Follow the imports from a test file to the first one that names a file that does not exist.
async function findMissingImport(url, files, seen = new Set()) {
  if (seen.has(url) || seen.size > 50) return null;
  seen.add(url);
  let code;
  try {
    const response = await fetch(url, {cache: 'no-store'});
    if (!response.ok) return null;
    code = await response.text();
  } catch {
    return null;
  }
  const importer = files.display(url);
  const learnerImporter = files.learnerFile(url) !== null;
  for (const {specifier, line} of staticImports(code)) {
    if (PACKAGE_NAMES.has(specifier)) continue;
    if (!/^(\/|\.\/|\.\.\/)/.test(specifier)) {
      return `There is a mistake in ${importer} on line ${line}: "${specifier}" is not a file ` +
        `here. To import one of your own files, start its name with "./", like "./${specifier}.js".`;
    }
    const target = new URL(specifier, url).href;
    let exists = true;
    try {
      exists = (await fetch(target, {cache: 'no-store'})).ok;
    } catch {
      exists = false;
    }
    if (!exists) {
      const wanted = files.display(target);
      return learnerImporter
        ? `There is a mistake in ${importer} on line ${line}: there is no file called ${wanted}.`
        : `The checks need a file called ${wanted}, but there is no file with that name. ` +
          'Check the file name.';
    }
    const deeper = await findMissingImport(target, files, seen);
    if (deeper) return deeper;
  }
  return null;
}
