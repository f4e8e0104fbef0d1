/*
 * Helpers for lesson authors who write checks. Use them in a test file:
 *
 *   import { $, $$, text, style, source, check } from '@tutor/checks';
 *
 *   $(selector)                    the first element that matches, or null
 *   $$(selector)                   every element that matches, as an array
 *   text(selector)                 the element's text, trimmed ("" when there is no such element)
 *   style(elementOrSelector, property)
 *                                  the computed value of a CSS property, like "rgb(255, 0, 0)"
 *                                  ("" when there is no such element)
 *   source(path)                   the text of one of the learner's files, as they wrote it
 *   sourceWithoutComments(path)    the same text with its comments taken out (HTML, CSS and
 *                                  JavaScript comments); text inside quotes stays as it is
 *   check(condition, message)      fail with exactly `message` when `condition` is falsy
 *   click(elementOrSelector)       click an element, as a person would
 *   typeInto(elementOrSelector, text)
 *                                  put text in a field, then fire "input" and "change"
 *   wait(ms)                       a promise that resolves after `ms` milliseconds
 *
 * Messages from these helpers are read by learners, so they are short and plain.
 */

let learnerSources = null;

/** Used by the runner: the learner's files, by path, before any check runs. */
export function provideSources(sources) {
  learnerSources = sources;
}

/** The first element that matches `selector`, or null. */
export const $ = (selector) => document.querySelector(selector);

/** Every element that matches `selector`, as an array. */
export const $$ = (selector) => Array.from(document.querySelectorAll(selector));

const elementFrom = (target) => (typeof target === 'string' ? $(target) : target);

/** The trimmed text of the first element that matches, or "" when there is none. */
export function text(selector) {
  const element = elementFrom(selector);
  return element ? (element.textContent || '').trim() : '';
}

/** The computed value of a CSS property ("color" or "backgroundColor" style names both work). */
export function style(elementOrSelector, property) {
  const element = elementFrom(elementOrSelector);
  if (!element) return '';
  const name = property.startsWith('--') ? property
    : property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return getComputedStyle(element).getPropertyValue(name).trim();
}

/** The text of one of the learner's files, exactly as they wrote it. */
export function source(path) {
  if (learnerSources === null) throw new Error('The learner\'s files are not ready yet.');
  const name = String(path).replace(/^(\.\/|\/)+/, '');
  if (!Object.prototype.hasOwnProperty.call(learnerSources, name)) {
    throw new Error(`There is no file called ${name}.`);
  }
  return learnerSources[name];
}

/** A learner's file with its comments taken out, so checks do not count commented-out code. */
export function sourceWithoutComments(path) {
  const code = source(path);
  const extension = (String(path).match(/\.([a-z]+)$/i) || ['', ''])[1].toLowerCase();
  if (extension === 'css') return stripStyleComments(code);
  if (extension === 'html' || extension === 'htm') return stripPageComments(code);
  return stripScriptComments(code);
}

/** Fail the check with exactly `message` when `condition` is falsy. */
export function check(condition, message) {
  if (!condition) throw new Error(String(message));
}

function requireElement(target) {
  const element = elementFrom(target);
  if (!element) throw new Error(`Your page has no element that matches "${target}".`);
  return element;
}

/** Click an element, as a person would (buttons, links, checkboxes). */
export function click(elementOrSelector) {
  const element = requireElement(elementOrSelector);
  if (typeof element.click === 'function') element.click();
  else element.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
}

/** Put `value` in a text field, then fire "input" and "change" as typing would. */
export function typeInto(elementOrSelector, value) {
  const element = requireElement(elementOrSelector);
  if (!('value' in element)) {
    throw new Error(`"${elementOrSelector}" is not a box you can type in.`);
  }
  if (typeof element.focus === 'function') element.focus();
  element.value = String(value);
  element.dispatchEvent(new InputEvent('input', {bubbles: true, data: String(value),
    inputType: 'insertText'}));
  element.dispatchEvent(new Event('change', {bubbles: true}));
}

/** A promise that resolves after `ms` milliseconds. */
export function wait(ms = 0) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// -- Taking comments out ---------------------------------------------------------------------

// Block comments become nothing but their line breaks, so line numbers stay the same.
const keepLineBreaks = (comment) => comment.replace(/[^\n]/g, '');

function copyQuoted(code, start) {
  const quote = code[start];
  let end = start + 1;
  while (end < code.length && code[end] !== quote && code[end] !== '\n') {
    end += code[end] === '\\' ? 2 : 1;
  }
  return Math.min(end + 1, code.length);
}

function stripStyleComments(code) {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const char = code[i];
    if (char === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      const end = close === -1 ? code.length : close + 2;
      out += keepLineBreaks(code.slice(i, end));
      i = end;
    } else if (char === '"' || char === "'") {
      const end = copyQuoted(code, i);
      out += code.slice(i, end);
      i = end;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new',
  'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

// Whether a "/" here starts a regular expression (rather than dividing), judged from the code before.
function regexCanStart(out) {
  let end = out.length;
  while (end > 0 && /\s/.test(out[end - 1])) end -= 1;
  if (end === 0) return true;
  const last = out[end - 1];
  if ('(,=:[!&|?{};+-*%<>~^'.includes(last)) return true;
  if (!/[\w$]/.test(last)) return false;
  let start = end;
  while (start > 0 && /[\w$]/.test(out[start - 1])) start -= 1;
  return REGEX_AFTER_WORDS.has(out.slice(start, end));
}

function copyRegex(code, start) {
  let end = start + 1;
  let inClass = false;
  while (end < code.length && code[end] !== '\n') {
    const char = code[end];
    if (char === '\\') end += 1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) break;
    end += 1;
  }
  end += 1;
  while (end < code.length && /[a-z]/i.test(code[end])) end += 1;
  return Math.min(end, code.length);
}

function stripScriptComments(code) {
  let out = '';
  let i = 0;
  let depth = 0;
  const templates = [];
  const copyTemplate = () => {
    let end = i;
    while (end < code.length) {
      if (code[end] === '\\') {
        end += 2;
      } else if (code[end] === '`') {
        end += 1;
        break;
      } else if (code[end] === '$' && code[end + 1] === '{') {
        end += 2;
        templates.push(depth);
        break;
      } else {
        end += 1;
      }
    }
    out += code.slice(i, end);
    i = end;
  };
  while (i < code.length) {
    const char = code[i];
    const next = code[i + 1];
    if (char === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i += 1;
    } else if (char === '/' && next === '*') {
      const close = code.indexOf('*/', i + 2);
      const end = close === -1 ? code.length : close + 2;
      out += keepLineBreaks(code.slice(i, end));
      i = end;
    } else if (char === '"' || char === "'") {
      const end = copyQuoted(code, i);
      out += code.slice(i, end);
      i = end;
    } else if (char === '`') {
      out += char;
      i += 1;
      copyTemplate();
    } else if (char === '/' && regexCanStart(out)) {
      const end = copyRegex(code, i);
      out += code.slice(i, end);
      i = end;
    } else if (char === '}' && templates.length && templates[templates.length - 1] === depth) {
      templates.pop();
      out += char;
      i += 1;
      copyTemplate();
    } else {
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
      out += char;
      i += 1;
    }
  }
  return out;
}

const PAGE_PART = /<!--[\s\S]*?(?:-->|$)|(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2\s*>|$)/gi;

function stripPageComments(code) {
  return code.replace(PAGE_PART, (whole, openTag, tagName, body, closeTag) => {
    if (!openTag) return keepLineBreaks(whole);
    const inner = tagName.toLowerCase() === 'style' ? stripStyleComments(body) : stripScriptComments(body);
    return openTag + inner + closeTag;
  });
}
