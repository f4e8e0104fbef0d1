/*
 * A Jest-compatible test runtime for the check page.
 *
 * Test files written for Jest run here unchanged: describe/test/it with skip, only, todo and
 * each; the four hooks in Jest's order; async, promise and done-callback tests with a time
 * limit; expect with Jest's matchers, its equality rules, and its failure messages (same words,
 * same layout, values printed the way Jest prints them); jest.fn and jest.spyOn.
 *
 * One addition for lesson authors: expect(value, "Plain words for the learner.") puts that
 * line, then a blank line, in front of the Jest detail when the expectation fails.
 *
 * Sections: value printing, equality, asymmetric matchers, diffs, matcher helpers, matchers,
 * expect, mock functions, defining tests, running tests. The runner (runner.js) loads test
 * files, then calls startFile() before and runCollectedTests() after each one.
 */

// ---------------------------------------------------------------------------------------------
// Small helpers

// Kept now, so that learner code under test that replaces them cannot break time limits.
const startTimer = globalThis.setTimeout.bind(globalThis);
const stopTimer = globalThis.clearTimeout.bind(globalThis);
const now = globalThis.performance.now.bind(globalThis.performance);

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const tagOf = (value) => Object.prototype.toString.call(value);
const isA = (typeName, value) => tagOf(value) === `[object ${typeName}]`;
const isPrimitive = (value) => Object(value) !== value;
const isPromise = (value) =>
  !!value && (typeof value === 'object' || typeof value === 'function') &&
  typeof value.then === 'function';
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight',
  'nine', 'ten', 'eleven', 'twelve', 'thirteen'];
const pluralize = (word, count) =>
  `${NUMBER_WORDS[count] || count} ${word}${count === 1 ? '' : 's'}`;

/** The kind of a value, named the way Jest names it in messages ("array", "map", ...). */
export function getType(value) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type !== 'object') return type;
  if (value.constructor === RegExp) return 'regexp';
  if (value.constructor === Map) return 'map';
  if (value.constructor === Set) return 'set';
  if (value.constructor === Date) return 'date';
  return 'object';
}

// ---------------------------------------------------------------------------------------------
// Value printing (how Jest's pretty-format shows values)

const ASYMMETRIC_MATCHER = Symbol.for('jest.asymmetricMatcher');
const ELEMENT_NAME = /^((HTML|SVG)\w*)?Element$/;
const COLLECTION_NAME = /^(HTML\w*Collection|NodeList)$/;
const TYPED_ARRAY_TAG = /^\[object (Array|ArrayBuffer|DataView|(Big)?(Int|Uint|Float)(8|16|32|64)(Clamped)?Array)\]$/;

function printConfig(options) {
  const min = !!options.min;
  return {
    min,
    indent: min ? '' : ' '.repeat(options.indent ?? 2),
    spacingOuter: min ? '' : '\n',
    spacingInner: min ? ' ' : '\n',
    maxDepth: options.maxDepth ?? Infinity,
    maxWidth: options.maxWidth ?? Infinity,
    callToJSON: options.callToJSON ?? true,
  };
}

/** Print a value as Jest's pretty-format does (options: min, indent, maxDepth, maxWidth). */
export function prettyFormat(value, options = {}) {
  return printValue(value, printConfig(options), '', 0, [], false);
}

function printValue(value, config, indentation, depth, refs, hasCalledToJSON) {
  if (value !== null && typeof value === 'object') {
    const special = printSpecialObject(value, config, indentation, depth, refs);
    if (special !== null) return special;
  }
  const basic = printBasicValue(value);
  if (basic !== null) return basic;
  return printComplexValue(value, config, indentation, depth, refs, hasCalledToJSON);
}

function printBasicValue(value) {
  if (value === true || value === false) return String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  const type = typeof value;
  if (type === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (type === 'bigint') return `${value}n`;
  if (type === 'string') return `"${value.replace(/"|\\/g, '\\$&')}"`;
  if (type === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (type === 'symbol') return String(value);
  const tag = tagOf(value);
  if (tag === '[object WeakMap]') return 'WeakMap {}';
  if (tag === '[object WeakSet]') return 'WeakSet {}';
  if (tag === '[object Date]') return Number.isNaN(+value) ? 'Date { NaN }' : value.toISOString();
  if (tag === '[object RegExp]') return RegExp.prototype.toString.call(value);
  if (tag === '[object Error]' || value instanceof Error) {
    return `[${Error.prototype.toString.call(value)}]`;
  }
  return null;
}

function constructorName(value) {
  return (typeof value.constructor === 'function' && value.constructor.name) || 'Object';
}

function printComplexValue(value, config, indentation, depth, refs, hasCalledToJSON) {
  if (refs.includes(value)) return '[Circular]';
  refs = [...refs, value];
  const hitMaxDepth = ++depth > config.maxDepth;
  const min = config.min;
  if (config.callToJSON && !hitMaxDepth && typeof value.toJSON === 'function' && !hasCalledToJSON) {
    return printValue(value.toJSON(), config, indentation, depth, refs, true);
  }
  const tag = tagOf(value);
  if (tag === '[object Arguments]') {
    return hitMaxDepth ? '[Arguments]'
      : `${min ? '' : 'Arguments '}[${printListItems(value, config, indentation, depth, refs)}]`;
  }
  if (TYPED_ARRAY_TAG.test(tag)) {
    const name = constructorName(value);
    return hitMaxDepth ? `[${name}]`
      : `${min ? '' : `${name} `}[${printListItems(value, config, indentation, depth, refs)}]`;
  }
  if (tag === '[object Map]') {
    return hitMaxDepth ? '[Map]'
      : `Map {${printIteratorItems(value.entries(), config, indentation, depth, refs, ' => ')}}`;
  }
  if (tag === '[object Set]') {
    return hitMaxDepth ? '[Set]'
      : `Set {${printIteratorItems(value.values(), config, indentation, depth, refs, null)}}`;
  }
  if (hitMaxDepth || tag === '[object Window]') return `[${constructorName(value)}]`;
  return `${min ? '' : `${constructorName(value)} `}{${printObjectProperties(value, config, indentation, depth, refs)}}`;
}

function printListItems(list, config, indentation, depth, refs) {
  let result = '';
  const length = typeof list.length === 'number' ? list.length : 0;
  if (length) {
    result += config.spacingOuter;
    const next = indentation + config.indent;
    for (let i = 0; i < length; i++) {
      result += next;
      if (i === config.maxWidth) {
        result += '…';
        break;
      }
      if (i in list) result += printValue(list[i], config, next, depth, refs);
      if (i < length - 1) result += `,${config.spacingInner}`;
      else if (!config.min) result += ',';
    }
    result += config.spacingOuter + indentation;
  }
  return result;
}

function printIteratorItems(iterator, config, indentation, depth, refs, separator) {
  let result = '';
  let width = 0;
  let current = iterator.next();
  if (!current.done) {
    result += config.spacingOuter;
    const next = indentation + config.indent;
    while (!current.done) {
      result += next;
      if (width++ === config.maxWidth) {
        result += '…';
        break;
      }
      if (separator === null) {
        result += printValue(current.value, config, next, depth, refs);
      } else {
        result += printValue(current.value[0], config, next, depth, refs) + separator +
          printValue(current.value[1], config, next, depth, refs);
      }
      current = iterator.next();
      if (!current.done) result += `,${config.spacingInner}`;
      else if (!config.min) result += ',';
    }
    result += config.spacingOuter + indentation;
  }
  return result;
}

function enumerableKeys(object) {
  const keys = Object.keys(object).sort();
  for (const symbol of Object.getOwnPropertySymbols(object)) {
    if (Object.getOwnPropertyDescriptor(object, symbol).enumerable) keys.push(symbol);
  }
  return keys;
}

function printObjectProperties(object, config, indentation, depth, refs) {
  let result = '';
  const keys = enumerableKeys(object);
  if (keys.length) {
    result += config.spacingOuter;
    const next = indentation + config.indent;
    keys.forEach((key, i) => {
      const name = printValue(key, config, next, depth, refs);
      const value = printValue(object[key], config, next, depth, refs);
      result += `${next + name}: ${value}`;
      if (i < keys.length - 1) result += `,${config.spacingInner}`;
      else if (!config.min) result += ',';
    });
    result += config.spacingOuter + indentation;
  }
  return result;
}

// Asymmetric matchers, DOM nodes and DOM collections print in their own way (Jest's plugins).
function printSpecialObject(value, config, indentation, depth, refs) {
  try {
    if (value.$$typeof === ASYMMETRIC_MATCHER) {
      return printAsymmetricMatcher(value, config, indentation, depth, refs);
    }
    if (isPrintableNode(value)) return printNode(value, config, indentation, depth, refs);
    const name = value.constructor && value.constructor.name;
    if (typeof name === 'string' && COLLECTION_NAME.test(name)) {
      if (++depth > config.maxDepth) return `[${name}]`;
      return `${config.min ? '' : `${name} `}[${printListItems(Array.from(value), config, indentation, depth, refs)}]`;
    }
  } catch {
    // An object whose getters throw prints as a plain object instead.
  }
  return null;
}

function printAsymmetricMatcher(matcher, config, indentation, depth, refs) {
  const name = matcher.toString();
  if (name === 'ArrayContaining' || name === 'ArrayNotContaining') {
    if (++depth > config.maxDepth) return `[${name}]`;
    return `${name} [${printListItems(matcher.sample, config, indentation, depth, refs)}]`;
  }
  if (name === 'ObjectContaining' || name === 'ObjectNotContaining') {
    if (++depth > config.maxDepth) return `[${name}]`;
    return `${name} {${printObjectProperties(matcher.sample, config, indentation, depth, refs)}}`;
  }
  if (/^String(Not)?(Matching|Containing)$/.test(name)) {
    return `${name} ${printValue(matcher.sample, config, indentation, depth, refs)}`;
  }
  return matcher.toAsymmetricMatcher();
}

function isPrintableNode(value) {
  const name = value.constructor && value.constructor.name;
  const {nodeType, tagName} = value;
  if (nodeType === 1) {
    return ELEMENT_NAME.test(name) || (typeof tagName === 'string' && tagName.includes('-'));
  }
  return (nodeType === 3 && name === 'Text') || (nodeType === 8 && name === 'Comment') ||
    (nodeType === 11 && name === 'DocumentFragment');
}

const escapeHTML = (text) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

function printNode(node, config, indentation, depth, refs) {
  if (node.nodeType === 3) return escapeHTML(node.data);
  if (node.nodeType === 8) return `<!--${escapeHTML(node.data)}-->`;
  const fragment = node.nodeType === 11;
  const type = fragment ? 'DocumentFragment' : node.tagName.toLowerCase();
  if (++depth > config.maxDepth) return `<${type} … />`;
  const inner = indentation + config.indent;
  const attributes = fragment ? [] : Array.from(node.attributes)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const props = attributes.map((attribute) =>
    `${config.spacingInner}${inner}${attribute.name}=` +
    printValue(attribute.value, config, inner + config.indent, depth, refs)).join('');
  const children = Array.from(node.childNodes).map((child) =>
    config.spacingOuter + inner + printValue(child, config, inner, depth, refs)).join('');
  const openEnd = props ? props + config.spacingOuter + indentation : '';
  if (children) {
    return `<${type}${openEnd}>${children}${config.spacingOuter}${indentation}</${type}>`;
  }
  return `<${type}${openEnd}${props && !config.min ? '' : ' '}/>`;
}

// ---------------------------------------------------------------------------------------------
// Equality (Jest's `equals` and its testers)

const isAsymmetric = (value) => !!value && typeof value.asymmetricMatch === 'function';

function asymmetricMatch(a, b) {
  const asymmetricA = isAsymmetric(a);
  const asymmetricB = isAsymmetric(b);
  if (asymmetricA && asymmetricB) return undefined;
  if (asymmetricA) return a.asymmetricMatch(b);
  if (asymmetricB) return b.asymmetricMatch(a);
  return undefined;
}

const isDomNode = (value) =>
  value !== null && typeof value === 'object' && typeof value.nodeType === 'number' &&
  typeof value.nodeName === 'string' && typeof value.isEqualNode === 'function';

/** Deep equality as Jest's expect sees it; `strictCheck` is the toStrictEqual variant. */
export function equals(a, b, customTesters = [], strictCheck = false) {
  return eq(a, b, [], [], customTesters, strictCheck);
}

function eq(a, b, aStack, bStack, customTesters, strictCheck) {
  const asymmetricResult = asymmetricMatch(a, b);
  if (asymmetricResult !== undefined) return asymmetricResult;
  for (const tester of customTesters) {
    const result = tester(a, b, customTesters);
    if (result !== undefined) return result;
  }
  if (a instanceof Error && b instanceof Error) return a.message == b.message; // eslint-disable-line eqeqeq
  if (Object.is(a, b)) return true;
  if (a === null || b === null) return a === b;
  const className = tagOf(a);
  if (className !== tagOf(b)) return false;
  switch (className) {
    case '[object Boolean]':
    case '[object String]':
    case '[object Number]':
      if (typeof a !== typeof b) return false;
      if (typeof a !== 'object' && typeof b !== 'object') return Object.is(a, b);
      return Object.is(a.valueOf(), b.valueOf());
    case '[object Date]':
      return +a === +b;
    case '[object RegExp]':
      return a.source === b.source && a.flags === b.flags;
    default:
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (isDomNode(a) && isDomNode(b)) return a.isEqualNode(b);
  let length = aStack.length;
  while (length--) {
    // Circular references at the same depth are equal; a circular one is not equal to another.
    if (aStack[length] === a) return bStack[length] === b;
    if (bStack[length] === b) return false;
  }
  aStack.push(a);
  bStack.push(b);
  if (strictCheck && className === '[object Array]' && a.length !== b.length) return false;
  const aKeys = ownKeys(a);
  const bKeys = ownKeys(b);
  if (!strictCheck) {
    // Keys whose value is undefined, or an asymmetric matcher, may be missing on the other side.
    for (const key of [...bKeys]) {
      if ((isAsymmetric(b[key]) || b[key] === undefined) && !hasOwn(a, key)) aKeys.push(key);
    }
    for (const key of [...aKeys]) {
      if ((isAsymmetric(a[key]) || a[key] === undefined) && !hasOwn(b, key)) bKeys.push(key);
    }
  }
  let size = aKeys.length;
  if (bKeys.length !== size) return false;
  while (size--) {
    const key = aKeys[size];
    const result = strictCheck
      ? hasOwn(b, key) && eq(a[key], b[key], aStack, bStack, customTesters, strictCheck)
      : (hasOwn(b, key) || isAsymmetric(a[key]) || a[key] === undefined) &&
        eq(a[key], b[key], aStack, bStack, customTesters, strictCheck);
    if (!result) return false;
  }
  aStack.pop();
  bStack.pop();
  return true;
}

function ownKeys(object) {
  const keys = [];
  for (const key in object) {
    if (hasOwn(object, key)) keys.push(key);
  }
  return keys.concat(Object.getOwnPropertySymbols(object)
    .filter((symbol) => Object.getOwnPropertyDescriptor(object, symbol).enumerable));
}

/** Sets, Maps and other iterables are equal when their items are (in order, except sets/maps). */
export function iterableEquality(a, b, customTesters = [], aStack = [], bStack = []) {
  if (typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b) ||
      ArrayBuffer.isView(a) || ArrayBuffer.isView(b) ||
      a === null || b === null || !a[Symbol.iterator] || !b[Symbol.iterator]) {
    return undefined;
  }
  if (a.constructor !== b.constructor) return false;
  let length = aStack.length;
  while (length--) {
    if (aStack[length] === a) return bStack[length] === b;
  }
  aStack.push(a);
  bStack.push(b);
  const withStack = (x, y) => iterableEquality(x, y, [...testers], [...aStack], [...bStack]);
  const testers = [...customTesters.filter((t) => t !== iterableEquality), withStack];
  try {
    if (a.size !== undefined) {
      if (a.size !== b.size) return false;
      if (isA('Set', a)) {
        for (const aValue of a) {
          if (!b.has(aValue) && ![...b].some((bValue) => equals(aValue, bValue, testers))) {
            return false;
          }
        }
        return true;
      }
      if (isA('Map', a)) {
        for (const [key, value] of a) {
          if (b.has(key) && equals(value, b.get(key), testers)) continue;
          const found = [...b].some(([bKey, bValue]) =>
            equals(key, bKey, testers) && equals(value, bValue, testers));
          if (!found) return false;
        }
        return true;
      }
    }
    const bIterator = b[Symbol.iterator]();
    for (const aValue of a) {
      const nextB = bIterator.next();
      if (nextB.done || !equals(aValue, nextB.value, testers)) return false;
    }
    if (!bIterator.next().done) return false;
    return equals(Object.entries(a), Object.entries(b));
  } catch {
    return false;
  } finally {
    aStack.pop();
    bStack.pop();
  }
}

/** toStrictEqual: objects made by different classes are different. */
export function typeEquality(a, b) {
  if (a == null || b == null || a.constructor === b.constructor ||
      (Array.isArray(a) && Array.isArray(b))) {
    return undefined;
  }
  return false;
}

/** toStrictEqual: `[, 1]` and `[undefined, 1]` differ. */
export function sparseArrayEquality(a, b, customTesters = []) {
  if (!Array.isArray(a) || !Array.isArray(b)) return undefined;
  return equals(a, b, customTesters.filter((t) => t !== sparseArrayEquality), true) &&
    equals(Object.keys(a), Object.keys(b));
}

/** toStrictEqual: typed arrays and buffers are equal byte for byte. */
export function arrayBufferEquality(a, b) {
  let viewA = a;
  let viewB = b;
  if (isA('ArrayBuffer', a) && isA('ArrayBuffer', b)) {
    viewA = new DataView(a);
    viewB = new DataView(b);
  } else if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    viewA = new DataView(a.buffer, a.byteOffset, a.byteLength);
    viewB = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  if (!(viewA instanceof DataView && viewB instanceof DataView)) return undefined;
  if (viewA.byteLength !== viewB.byteLength) return false;
  for (let i = 0; i < viewA.byteLength; i++) {
    if (viewA.getUint8(i) !== viewB.getUint8(i)) return false;
  }
  return true;
}

const STRICT_TESTERS = [iterableEquality, typeEquality, sparseArrayEquality, arrayBufferEquality];

const isObject = (value) => value !== null && typeof value === 'object';
const isObjectWithKeys = (value) => isObject(value) && !(value instanceof Error) &&
  !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Set) &&
  !(value instanceof Map);

function hasPropertyInObject(object, key) {
  if (!object || typeof object !== 'object' || object === Object.prototype) return false;
  return hasOwn(object, key) || hasPropertyInObject(Object.getPrototypeOf(object), key);
}

const objectKeysForSubset = (object) => [
  ...Object.keys(object),
  ...Object.getOwnPropertySymbols(object)
    .filter((s) => Object.getOwnPropertyDescriptor(object, s).enumerable),
];

/** toMatchObject: every property of `subset` is found, equal, in `object`. */
export function subsetEquality(object, subset, customTesters = []) {
  const filtered = customTesters.filter((t) => t !== subsetEquality);
  const withContext = (seen = new WeakMap()) => (obj, sub) => {
    if (!isObjectWithKeys(sub)) return undefined;
    if (seen.has(sub)) return undefined;
    seen.set(sub, true);
    const result = objectKeysForSubset(sub).every((key) => {
      if (isObjectWithKeys(sub[key]) && seen.has(sub[key])) {
        return equals(obj[key], sub[key], filtered);
      }
      const matched = obj != null && hasPropertyInObject(obj, key) &&
        equals(obj[key], sub[key], [...filtered, withContext(seen)]);
      seen.delete(sub[key]);
      return matched;
    });
    seen.delete(sub);
    return result;
  };
  return withContext()(object, subset);
}

function getObjectSubset(object, subset, seen = new WeakMap()) {
  if (Array.isArray(object)) {
    if (Array.isArray(subset) && subset.length === object.length) {
      return subset.map((sub, i) => getObjectSubset(object[i], sub));
    }
  } else if (object instanceof Date) {
    return object;
  } else if (isObject(object) && isObject(subset)) {
    if (equals(object, subset, [iterableEquality, subsetEquality])) return subset;
    const trimmed = {};
    seen.set(object, trimmed);
    for (const key of objectKeysForSubset(object)) {
      if (!hasPropertyInObject(subset, key)) continue;
      trimmed[key] = seen.has(object[key]) ? seen.get(object[key])
        : getObjectSubset(object[key], subset[key], seen);
    }
    if (objectKeysForSubset(trimmed).length > 0) return trimmed;
  }
  return object;
}

function pathAsArray(propertyPath) {
  const properties = [];
  if (propertyPath === '') return [''];
  if (propertyPath[0] === '.') properties.push('');
  propertyPath.replace(/[^.[\]]+|(?=(?:\.)(?:\.|$))/g, (match) => {
    properties.push(match);
    return match;
  });
  return properties;
}

function getPath(object, propertyPath) {
  if (!Array.isArray(propertyPath)) propertyPath = pathAsArray(propertyPath);
  if (propertyPath.length) {
    const lastProp = propertyPath.length === 1;
    const prop = propertyPath[0];
    const newObject = object[prop];
    if (!lastProp && (newObject === null || newObject === undefined)) {
      return {hasEndProp: false, lastTraversedObject: object, traversedPath: []};
    }
    const result = getPath(newObject, propertyPath.slice(1));
    if (result.lastTraversedObject === null) result.lastTraversedObject = object;
    result.traversedPath.unshift(prop);
    if (lastProp) {
      result.endPropIsDefined = !isPrimitive(object) && prop in object;
      result.hasEndProp = newObject !== undefined || result.endPropIsDefined;
      if (!result.hasEndProp) result.traversedPath.shift();
    }
    return result;
  }
  return {lastTraversedObject: null, traversedPath: [], value: object};
}

// ---------------------------------------------------------------------------------------------
// Asymmetric matchers (expect.any, expect.objectContaining, ...)

class AsymmetricMatcher {
  constructor(sample, inverse = false) {
    this.$$typeof = ASYMMETRIC_MATCHER;
    this.sample = sample;
    this.inverse = inverse;
  }

  getExpectedType() {
    return 'object';
  }
}

class Any extends AsymmetricMatcher {
  constructor(sample) {
    if (typeof sample === 'undefined') {
      throw new TypeError('any() expects to be passed a constructor function. ' +
        'Please pass one or use anything() to match any object.');
    }
    super(sample);
  }

  asymmetricMatch(other) {
    const primitives = [[String, 'string'], [Number, 'number'], [Function, 'function'],
      [Boolean, 'boolean'], [BigInt, 'bigint'], [Symbol, 'symbol']];
    for (const [kind, type] of primitives) {
      if (this.sample === kind) return typeof other === type || other instanceof kind;
    }
    if (this.sample === Object) return typeof other === 'object';
    return other instanceof this.sample;
  }

  toString() {
    return 'Any';
  }

  getExpectedType() {
    const names = new Map([[String, 'string'], [Number, 'number'], [Function, 'function'],
      [Boolean, 'boolean'], [BigInt, 'bigint'], [Symbol, 'symbol']]);
    return names.get(this.sample) || 'object';
  }

  toAsymmetricMatcher() {
    return `Any<${this.sample.name || 'anonymous'}>`;
  }
}

class Anything extends AsymmetricMatcher {
  asymmetricMatch(other) {
    return other !== undefined && other !== null;
  }

  toString() {
    return 'Anything';
  }

  toAsymmetricMatcher() {
    return 'Anything';
  }
}

class ArrayContaining extends AsymmetricMatcher {
  asymmetricMatch(other) {
    if (!Array.isArray(this.sample)) {
      throw new Error(`You must provide an array to ${this.toString()}, not '${typeof this.sample}'.`);
    }
    const result = this.sample.length === 0 || (Array.isArray(other) &&
      this.sample.every((item) => other.some((another) => equals(item, another))));
    return this.inverse ? !result : result;
  }

  toString() {
    return `Array${this.inverse ? 'Not' : ''}Containing`;
  }

  getExpectedType() {
    return 'array';
  }
}

class ObjectContaining extends AsymmetricMatcher {
  asymmetricMatch(other) {
    if (typeof this.sample !== 'object') {
      throw new Error(`You must provide an object to ${this.toString()}, not '${typeof this.sample}'.`);
    }
    let result = true;
    for (const key of objectKeysForSubset(this.sample)) {
      if (!hasProperty(other, key) || !equals(this.sample[key], other[key])) {
        result = false;
        break;
      }
    }
    return this.inverse ? !result : result;
  }

  toString() {
    return `Object${this.inverse ? 'Not' : ''}Containing`;
  }
}

function hasProperty(object, key) {
  if (!object) return false;
  if (hasOwn(object, key)) return true;
  return hasProperty(Object.getPrototypeOf(object), key);
}

class StringContaining extends AsymmetricMatcher {
  constructor(sample, inverse) {
    if (!isA('String', sample)) throw new Error('Expected is not a string');
    super(sample, inverse);
  }

  asymmetricMatch(other) {
    const result = isA('String', other) && other.includes(this.sample);
    return this.inverse ? !result : result;
  }

  toString() {
    return `String${this.inverse ? 'Not' : ''}Containing`;
  }

  getExpectedType() {
    return 'string';
  }
}

class StringMatching extends AsymmetricMatcher {
  constructor(sample, inverse) {
    if (!isA('String', sample) && !isA('RegExp', sample)) {
      throw new Error('Expected is not a String or a RegExp');
    }
    super(new RegExp(sample), inverse);
  }

  asymmetricMatch(other) {
    const result = isA('String', other) && this.sample.test(other);
    return this.inverse ? !result : result;
  }

  toString() {
    return `String${this.inverse ? 'Not' : ''}Matching`;
  }

  getExpectedType() {
    return 'string';
  }
}

class CloseTo extends AsymmetricMatcher {
  constructor(sample, precision = 2, inverse = false) {
    if (!isA('Number', sample)) throw new Error('Expected is not a Number');
    if (!isA('Number', precision)) throw new Error('Precision is not a Number');
    super(sample, inverse);
    this.precision = precision;
  }

  asymmetricMatch(other) {
    if (!isA('Number', other)) return false;
    let result;
    if (other === Infinity && this.sample === Infinity) result = true;
    else if (other === -Infinity && this.sample === -Infinity) result = true;
    else result = Math.abs(this.sample - other) < 10 ** -this.precision / 2;
    return this.inverse ? !result : result;
  }

  toString() {
    return `Number${this.inverse ? 'Not' : ''}CloseTo`;
  }

  getExpectedType() {
    return 'number';
  }

  toAsymmetricMatcher() {
    return [this.toString(), this.sample, `(${pluralize('digit', this.precision)})`].join(' ');
  }
}

// ---------------------------------------------------------------------------------------------
// Diffs ("- Expected  + Received" blocks)

const DELETE = -1;
const INSERT = 1;
const EQUAL = 0;
const CONTEXT_LINES = 5;
const MAX_DIFF_STRING_LENGTH = 20000;
const MAX_DIFF_CELLS = 4000000;
const NO_DIFF_MESSAGE = 'Compared values have no visual difference.';

// Line-level diff: a minimal edit script, each run of changes written deletions first.
function diffIndexes(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops = [];
  for (let i = 0; i < start; i++) ops.push([EQUAL, i, i]);
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_DIFF_CELLS) {
    for (let i = start; i < endA; i++) ops.push([DELETE, i, -1]);
    for (let j = start; j < endB; j++) ops.push([INSERT, -1, j]);
  } else if (n || m) {
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    let deletes = [];
    let inserts = [];
    const flush = () => {
      ops.push(...deletes, ...inserts);
      deletes = [];
      inserts = [];
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        flush();
        ops.push([EQUAL, start + i, start + j]);
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
        deletes.push([DELETE, start + i, -1]);
        i++;
      } else {
        inserts.push([INSERT, -1, start + j]);
        j++;
      }
    }
    flush();
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push([EQUAL, i, j]);
  return ops;
}

function printDiffLine(line, isFirstOrLast, indicator, placeholder) {
  if (line.length !== 0) return `${indicator} ${line}`;
  if (indicator !== ' ') return indicator;
  return isFirstOrLast && placeholder ? `${indicator} ${placeholder}` : '';
}

function printAnnotation(options, counts) {
  const {aAnnotation, bAnnotation} = options;
  let aRest = '';
  let bRest = '';
  if (options.includeChangeCounts) {
    const aCount = String(counts.a);
    const bCount = String(counts.b);
    const labelGap = bAnnotation.length - aAnnotation.length;
    const countGap = bCount.length - aCount.length;
    aRest = `${' '.repeat(Math.max(0, labelGap))}  - ${' '.repeat(Math.max(0, countGap))}${aCount}`;
    bRest = `${' '.repeat(Math.max(0, -labelGap))}  + ${' '.repeat(Math.max(0, -countGap))}${bCount}`;
  }
  return `- ${aAnnotation}${aRest}\n+ ${bAnnotation}${bRest}\n\n`;
}

// Print [op, line] pairs with up to five lines of context around changes, as Jest does.
function joinDiffLines(diffs, placeholder) {
  const total = diffs.length;
  const context2 = CONTEXT_LINES * 2;
  let outputLength = total;
  let excessAtEnds = false;
  let excessesBetween = 0;
  for (let i = 0; i !== total;) {
    const start = i;
    while (i !== total && diffs[i][0] === EQUAL) i++;
    if (start !== i) {
      const run = i - start;
      if (start === 0 || i === total) {
        if (run > CONTEXT_LINES) {
          outputLength -= run - CONTEXT_LINES;
          excessAtEnds = true;
        }
      } else if (run > context2) {
        outputLength -= run - context2;
        excessesBetween++;
      }
    }
    while (i !== total && diffs[i][0] !== EQUAL) i++;
  }
  const hasPatch = excessesBetween !== 0 || excessAtEnds;
  if (excessesBetween !== 0) outputLength += excessesBetween + 1;
  else if (excessAtEnds) outputLength += 1;
  const last = outputLength - 1;
  const lines = [];
  let patchMark = 0;
  if (hasPatch) lines.push('');
  let aStart = 0;
  let bStart = 0;
  let aEnd = 0;
  let bEnd = 0;
  const pushCommon = (line) => {
    const j = lines.length;
    lines.push(printDiffLine(line, j === 0 || j === last, ' ', placeholder));
    aEnd++;
    bEnd++;
  };
  const mark = () => `@@ -${aStart + 1},${aEnd - aStart} +${bStart + 1},${bEnd - bStart} @@`;
  for (let i = 0; i !== total;) {
    let start = i;
    while (i !== total && diffs[i][0] === EQUAL) i++;
    if (start !== i) {
      if (start === 0) {
        if (i > CONTEXT_LINES) {
          start = i - CONTEXT_LINES;
          aStart = start;
          bStart = start;
          aEnd = start;
          bEnd = start;
        }
        for (let k = start; k !== i; k++) pushCommon(diffs[k][1]);
      } else if (i === total) {
        const end = i - start > CONTEXT_LINES ? start + CONTEXT_LINES : i;
        for (let k = start; k !== end; k++) pushCommon(diffs[k][1]);
      } else if (i - start > context2) {
        for (let k = start; k !== start + CONTEXT_LINES; k++) pushCommon(diffs[k][1]);
        lines[patchMark] = mark();
        patchMark = lines.length;
        lines.push('');
        const omitted = i - start - context2;
        aStart = aEnd + omitted;
        bStart = bEnd + omitted;
        aEnd = aStart;
        bEnd = bStart;
        for (let k = i - CONTEXT_LINES; k !== i; k++) pushCommon(diffs[k][1]);
      } else {
        for (let k = start; k !== i; k++) pushCommon(diffs[k][1]);
      }
    }
    while (i !== total && diffs[i][0] === DELETE) {
      lines.push(printDiffLine(diffs[i][1], lines.length === 0 || lines.length === last, '-', placeholder));
      aEnd++;
      i++;
    }
    while (i !== total && diffs[i][0] === INSERT) {
      lines.push(printDiffLine(diffs[i][1], lines.length === 0 || lines.length === last, '+', placeholder));
      bEnd++;
      i++;
    }
  }
  if (hasPatch) lines[patchMark] = mark();
  return lines.join('\n');
}

function printDiffLines(diffs, options) {
  const counts = {a: 0, b: 0};
  for (const [op] of diffs) {
    if (op === DELETE) counts.a++;
    if (op === INSERT) counts.b++;
  }
  return printAnnotation(options, counts) + joinDiffLines(diffs, options.placeholder || '');
}

// Diff lines compared one way (`aCompare`) but shown another (`aDisplay`), like jest-diff.
function diffLines(aDisplay, bDisplay, options, aCompare = aDisplay, bCompare = bDisplay) {
  if (aDisplay.length === 1 && aDisplay[0] === '') aDisplay = aCompare = [];
  if (bDisplay.length === 1 && bDisplay[0] === '') bDisplay = bCompare = [];
  const ops = diffIndexes(aCompare, bCompare).map(([op, i, j]) =>
    [op, op === DELETE ? aDisplay[i] : bDisplay[j]]);
  return printDiffLines(ops, options);
}

const DIFF_FORMAT = {indent: 2};

/** Jest's `diff(a, b)`: a line diff of two printed values, or null when it would not help. */
export function diff(a, b, options = {}) {
  const settings = {aAnnotation: 'Expected', bAnnotation: 'Received', ...options};
  if (Object.is(a, b)) return NO_DIFF_MESSAGE;
  const aType = getType(a);
  let expectedType = aType;
  let omitDifference = false;
  if (aType === 'object' && typeof a.asymmetricMatch === 'function') {
    if (a.$$typeof !== ASYMMETRIC_MATCHER || typeof a.getExpectedType !== 'function') return null;
    expectedType = a.getExpectedType();
    omitDifference = expectedType === 'string';
  }
  if (expectedType !== getType(b)) {
    return '  Comparing two different types of values.' +
      ` Expected ${expectedType} but received ${getType(b)}.`;
  }
  if (omitDifference) return null;
  if (aType === 'string') return diffLines(a.split('\n'), b.split('\n'), settings);
  if (aType === 'number' || aType === 'boolean') {
    return diffLines(prettyFormat(a).split('\n'), prettyFormat(b).split('\n'), settings);
  }
  // Jest sorts the items of sets and maps first, so that order alone makes no difference.
  if (aType === 'map') return compareObjects(new Map([...a].sort()), new Map([...b].sort()), settings);
  if (aType === 'set') return compareObjects(new Set([...a].sort()), new Set([...b].sort()), settings);
  return compareObjects(a, b, settings);
}

function compareObjects(a, b, settings) {
  const attempt = (callToJSON) => {
    const compareA = prettyFormat(a, {...DIFF_FORMAT, indent: 0, callToJSON});
    const compareB = prettyFormat(b, {...DIFF_FORMAT, indent: 0, callToJSON});
    if (compareA === compareB) return NO_DIFF_MESSAGE;
    return diffLines(prettyFormat(a, {...DIFF_FORMAT, callToJSON}).split('\n'),
      prettyFormat(b, {...DIFF_FORMAT, callToJSON}).split('\n'), settings,
      compareA.split('\n'), compareB.split('\n'));
  };
  let difference;
  try {
    difference = attempt(true);
  } catch {
    difference = undefined;
  }
  if (difference === undefined || difference === NO_DIFF_MESSAGE) {
    const fallback = attempt(false);
    if (fallback !== NO_DIFF_MESSAGE && difference !== undefined) {
      return 'Compared values serialize to the same structure.\n' +
        'Printing internal object structure without calling `toJSON` instead.\n\n' + fallback;
    }
    return fallback;
  }
  return difference;
}

function isLineDiffable(expected, received) {
  const expectedType = getType(expected);
  if (expectedType !== getType(received)) return false;
  if (isPrimitive(expected)) {
    return typeof expected === 'string' && typeof received === 'string' &&
      expected.length > 0 && received.length > 0 &&
      (/\n/.test(expected) || /\n/.test(received));
  }
  if (expectedType === 'date' || expectedType === 'function' || expectedType === 'regexp') {
    return false;
  }
  if (expected instanceof Error && received instanceof Error) return false;
  if (isAsymmetric(expected) || isAsymmetric(received)) return false;
  return true;
}

// Where an asymmetric matcher in `expected` matched, show the matcher on both sides of a diff.
function replaceMatchedAsymmetric(expected, received, seen = []) {
  const replaceable = (x, y) => {
    const type = getType(x);
    return type === getType(y) && (type === 'object' || type === 'array');
  };
  if (!replaceable(expected, received) || seen.includes(expected) || seen.includes(received)) {
    return [expected, received];
  }
  seen = [...seen, expected, received];
  const copy = (value) => (Array.isArray(value) ? [...value]
    : Object.assign(Object.create(Object.getPrototypeOf(value)), value));
  const newExpected = copy(expected);
  const newReceived = copy(received);
  for (const key of Object.keys(newExpected)) {
    const e = newExpected[key];
    const r = newReceived[key];
    if (isAsymmetric(e)) {
      if (e.asymmetricMatch(r)) newReceived[key] = e;
    } else if (isAsymmetric(r)) {
      if (r.asymmetricMatch(e)) newExpected[key] = r;
    } else if (replaceable(e, r)) {
      [newExpected[key], newReceived[key]] = replaceMatchedAsymmetric(e, r, seen);
    }
  }
  return [newExpected, newReceived];
}

/** Jest's printDiffOrStringify: a diff when one helps, else "Expected: ...\nReceived: ...". */
export function printDiffOrStringify(expected, received, expectedLabel, receivedLabel) {
  const labels = {aAnnotation: expectedLabel, bAnnotation: receivedLabel, includeChangeCounts: true};
  if (typeof expected === 'string' && typeof received === 'string' && expected.length > 0 &&
      received.length > 0 && expected.length <= MAX_DIFF_STRING_LENGTH &&
      received.length <= MAX_DIFF_STRING_LENGTH && expected !== received &&
      (expected.includes('\n') || received.includes('\n'))) {
    return diffLines(expected.split('\n'), received.split('\n'), {...labels, placeholder: '↵'});
  }
  if (isLineDiffable(expected, received) && typeof expected !== 'string') {
    const [replacedExpected, replacedReceived] = replaceMatchedAsymmetric(expected, received);
    const difference = diff(replacedExpected, replacedReceived, labels);
    if (typeof difference === 'string' && difference.includes(`- ${expectedLabel}`) &&
        difference.includes(`+ ${receivedLabel}`)) {
      return difference;
    }
  }
  const printLabel = getLabelPrinter(expectedLabel, receivedLabel);
  return `${printLabel(expectedLabel)}${printExpected(expected)}\n` +
    `${printLabel(receivedLabel)}${stringify(expected) === stringify(received)
      ? 'serializes to the same string' : printReceived(received)}`;
}

// ---------------------------------------------------------------------------------------------
// Matcher helpers (jest-matcher-utils, without colours)

/** Print a value on one line, as Jest prints values inside messages. */
export function stringify(value, maxDepth = 10, maxWidth = 10) {
  let result;
  try {
    result = prettyFormat(value, {maxDepth, maxWidth, min: true});
  } catch {
    result = prettyFormat(value, {callToJSON: false, maxDepth, maxWidth, min: true});
  }
  if (result.length >= 10000 && maxDepth > 1) return stringify(value, Math.floor(maxDepth / 2), maxWidth);
  if (result.length >= 10000 && maxWidth > 1) return stringify(value, maxDepth, Math.floor(maxWidth / 2));
  return result;
}

const replaceTrailingSpaces = (text) => text.replace(/\s+$/gm, (spaces) => '·'.repeat(spaces.length));
export const printReceived = (value) => replaceTrailingSpaces(stringify(value));
export const printExpected = (value) => replaceTrailingSpaces(stringify(value));

/** The first line of a failure message, e.g. `expect(received).not.toBe(expected)`. */
export function matcherHint(matcherName, received = 'received', expected = 'expected', options = {}) {
  const {comment = '', isDirectExpectCall = false, isNot = false, promise = '',
    secondArgument = ''} = options;
  let hint = '';
  let dim = 'expect';
  if (!isDirectExpectCall && received !== '') {
    hint += `${dim}(${received}`;
    dim = ')';
  }
  if (promise !== '') {
    hint += `${dim}.${promise}`;
    dim = '';
  }
  if (isNot) {
    hint += `${dim}.not`;
    dim = '';
  }
  if (matcherName.includes('.')) {
    dim += matcherName;
  } else {
    hint += `${dim}.${matcherName}`;
    dim = '';
  }
  if (expected === '') {
    dim += '()';
  } else {
    hint += `${dim}(${expected}`;
    if (secondArgument) hint += `, ${secondArgument}`;
    dim = ')';
  }
  if (comment !== '') dim += ` // ${comment}`;
  return hint + dim;
}

const getLabelPrinter = (...labels) => {
  const width = Math.max(...labels.map((label) => label.length));
  return (label) => `${label}: ${' '.repeat(width - label.length)}`;
};

function printWithType(name, value, print) {
  const type = getType(value);
  const hasType = type !== 'null' && type !== 'undefined' ? `${name} has type:  ${type}\n` : '';
  return `${hasType}${name} has value: ${print(value)}`;
}

const matcherErrorMessage = (hint, generic, specific) =>
  `${hint}\n\nMatcher error: ${generic}${typeof specific === 'string' ? `\n\n${specific}` : ''}`;

function matcherError(hint, generic, specific) {
  const error = new Error(matcherErrorMessage(hint, generic, specific));
  error.isMatcherError = true;
  return error;
}

function ensureNoExpected(expected, matcherName, options) {
  if (typeof expected !== 'undefined') {
    throw matcherError(matcherHint(matcherName, undefined, '', options),
      'this matcher must not have an expected argument',
      printWithType('Expected', expected, printExpected));
  }
}

function ensureNumbers(received, expected, matcherName, options) {
  if (typeof received !== 'number' && typeof received !== 'bigint') {
    throw matcherError(matcherHint(matcherName, undefined, undefined, options),
      'received value must be a number or bigint', printWithType('Received', received, printReceived));
  }
  if (typeof expected !== 'number' && typeof expected !== 'bigint') {
    throw matcherError(matcherHint(matcherName, undefined, undefined, options),
      'expected value must be a number or bigint', printWithType('Expected', expected, printExpected));
  }
}

function ensureNonNegativeInteger(expected, matcherName, options) {
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    throw matcherError(matcherHint(matcherName, undefined, undefined, options),
      'expected value must be a non-negative integer',
      printWithType('Expected', expected, printExpected));
  }
}

const printSubstring = (text) => text.replace(/"|\\/g, '\\$&');
const printReceivedWithin = (received, start, length) =>
  `"${printSubstring(received.slice(0, start))}${printSubstring(received.slice(start, start + length))}` +
  `${printSubstring(received.slice(start + length))}"`;

function printConstructorName(label, constructor, isNot, isExpected) {
  if (typeof constructor.name !== 'string') return `${label} name is not a string`;
  if (constructor.name.length === 0) return `${label} name is an empty string`;
  return `${label}: ${!isNot ? '' : isExpected ? 'not ' : '    '}${constructor.name}`;
}

function printReceivedConstructorNameNot(label, received, expected) {
  if (typeof expected.name === 'string' && expected.name.length !== 0 &&
      typeof received.name === 'string' && received.name.length !== 0) {
    const relation = Object.getPrototypeOf(received) === expected ? 'extends' : 'extends … extends';
    return `${printConstructorName(label, received, true, false)} ${relation} ${expected.name}\n`;
  }
  return `${printConstructorName(label, received, false, false)}\n`;
}

function printCloseTo(receivedDiff, expectedDiff, precision, isNot) {
  const receivedText = stringify(receivedDiff);
  const expectedText = receivedText.includes('e') ? expectedDiff.toExponential(0)
    : precision >= 0 && precision < 20 ? expectedDiff.toFixed(precision + 1)
      : stringify(expectedDiff);
  return `Expected precision:  ${isNot ? '    ' : ''}  ${stringify(precision)}\n` +
    `Expected difference: ${isNot ? 'not ' : ''}< ${expectedText}\n` +
    `Received difference: ${isNot ? '    ' : ''}  ${receivedText}`;
}

export const matcherUtils = Object.freeze({
  diff, getType, matcherHint, printDiffOrStringify, printExpected, printReceived, stringify,
  printWithType, matcherErrorMessage, getLabelPrinter, ensureNoExpected, ensureNumbers,
  EXPECTED_COLOR: (text) => text, RECEIVED_COLOR: (text) => text, DIM_COLOR: (text) => text,
  BOLD_WEIGHT: (text) => text, INVERTED_COLOR: (text) => text,
});

// ---------------------------------------------------------------------------------------------
// Matchers (each returns {pass, message}; `this` holds isNot and promise)

const SUGGEST_TO_CONTAIN_EQUAL = 'Looks like you wanted to test for object/array equality ' +
  'with the stricter `toContain` matcher. You probably need to use `toContainEqual` instead.';

function compareNumbers(name, symbol, compare) {
  return function (received, expected) {
    const isNot = this.isNot;
    const options = {isNot, promise: this.promise};
    ensureNumbers(received, expected, name, options);
    const pad = ' '.repeat(symbol.length);
    const message = () => `${matcherHint(name, undefined, undefined, options)}\n\n` +
      `Expected:${isNot ? ' not' : ''} ${symbol} ${printExpected(expected)}\n` +
      `Received:${isNot ? '    ' : ''} ${pad} ${printReceived(received)}`;
    return {pass: compare(received, expected), message};
  };
}

function receivedOnly(name, test) {
  return function (received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureNoExpected(expected, name, options);
    const message = () => `${matcherHint(name, undefined, '', options)}\n\n` +
      `Received: ${printReceived(received)}`;
    return {pass: test(received), message};
  };
}

function deepEqualityMatcher(name, testers, strict) {
  return function (received, expected) {
    const options = {comment: 'deep equality', isNot: this.isNot, promise: this.promise};
    const pass = equals(received, expected, testers, strict);
    const message = pass
      ? () => `${matcherHint(name, undefined, undefined, options)}\n\n` +
        `Expected: not ${printExpected(expected)}\n` +
        (stringify(expected) !== stringify(received) ? `Received:     ${printReceived(received)}` : '')
      : () => `${matcherHint(name, undefined, undefined, options)}\n\n` +
        printDiffOrStringify(expected, received, 'Expected', 'Received');
    return {pass, message};
  };
}

function containMatcher(name, deep) {
  return function (received, expected) {
    const isNot = this.isNot;
    const options = {comment: deep ? 'deep equality' : 'indexOf', isNot, promise: this.promise};
    if (received == null) {
      throw matcherError(matcherHint(name, undefined, undefined, options),
        'received value must not be null nor undefined',
        printWithType('Received', received, printReceived));
    }
    if (!deep && typeof received === 'string') {
      if (typeof expected !== 'string') {
        throw matcherError(matcherHint(name, received, String(expected), options),
          'expected value must be a string if received value is a string',
          `${printWithType('Expected', expected, printExpected)}\n` +
          printWithType('Received', received, printReceived));
      }
      const index = received.indexOf(expected);
      const message = () => {
        const printLabel = getLabelPrinter('Expected substring', 'Received string');
        return `${matcherHint(name, undefined, undefined, options)}\n\n` +
          `${printLabel('Expected substring')}${isNot ? 'not ' : ''}${printExpected(expected)}\n` +
          `${printLabel('Received string')}${isNot ? '    ' : ''}` +
          (isNot ? printReceivedWithin(received, index, expected.length) : printReceived(received));
      };
      return {pass: index !== -1, message};
    }
    const items = Array.from(received);
    const index = deep ? items.findIndex((item) => equals(item, expected, [iterableEquality]))
      : items.indexOf(expected);
    const message = () => {
      const labelReceived = `Received ${getType(received)}`;
      const printLabel = getLabelPrinter('Expected value', labelReceived);
      return `${matcherHint(name, undefined, undefined, options)}\n\n` +
        `${printLabel('Expected value')}${isNot ? 'not ' : ''}${printExpected(expected)}\n` +
        `${printLabel(labelReceived)}${isNot ? '    ' : ''}` +
        (isNot && Array.isArray(received)
          ? `[${received.map((item) => stringify(item)).join(', ')}]` : printReceived(received)) +
        (!deep && !isNot && items.some((item) => equals(item, expected, [iterableEquality]))
          ? `\n\n${SUGGEST_TO_CONTAIN_EQUAL}` : '');
    };
    return {pass: index !== -1, message};
  };
}

const coreMatchers = {
  toBe(received, expected) {
    const options = {comment: 'Object.is equality', isNot: this.isNot, promise: this.promise};
    const pass = Object.is(received, expected);
    const message = pass
      ? () => `${matcherHint('toBe', undefined, undefined, options)}\n\n` +
        `Expected: not ${printExpected(expected)}`
      : () => {
        const expectedType = getType(expected);
        let deepEqualityName = null;
        if (expectedType !== 'map' && expectedType !== 'set') {
          if (equals(received, expected, STRICT_TESTERS, true)) deepEqualityName = 'toStrictEqual';
          else if (equals(received, expected, [iterableEquality])) deepEqualityName = 'toEqual';
        }
        return `${matcherHint('toBe', undefined, undefined, options)}\n\n` +
          (deepEqualityName !== null
            ? `If it should pass with deep equality, replace "toBe" with "${deepEqualityName}"\n\n` : '') +
          printDiffOrStringify(expected, received, 'Expected', 'Received');
      };
    return {pass, message};
  },

  toEqual: deepEqualityMatcher('toEqual', [iterableEquality], false),
  toStrictEqual: deepEqualityMatcher('toStrictEqual', STRICT_TESTERS, true),

  toBeCloseTo(received, expected, precision = 2) {
    const isNot = this.isNot;
    const options = {isNot, promise: this.promise,
      secondArgument: arguments.length === 3 ? 'precision' : undefined};
    if (typeof expected !== 'number') {
      throw matcherError(matcherHint('toBeCloseTo', undefined, undefined, options),
        'expected value must be a number', printWithType('Expected', expected, printExpected));
    }
    if (typeof received !== 'number') {
      throw matcherError(matcherHint('toBeCloseTo', undefined, undefined, options),
        'received value must be a number', printWithType('Received', received, printReceived));
    }
    let pass;
    let expectedDiff = 0;
    let receivedDiff = 0;
    if ((received === Infinity && expected === Infinity) ||
        (received === -Infinity && expected === -Infinity)) {
      pass = true;
    } else {
      expectedDiff = 10 ** -precision / 2;
      receivedDiff = Math.abs(expected - received);
      pass = receivedDiff < expectedDiff;
    }
    const hint = matcherHint('toBeCloseTo', undefined, undefined, options);
    const message = pass
      ? () => `${hint}\n\nExpected: not ${printExpected(expected)}\n` +
        (receivedDiff === 0 ? '' : `Received:     ${printReceived(received)}\n\n` +
          printCloseTo(receivedDiff, expectedDiff, precision, isNot))
      : () => `${hint}\n\nExpected: ${printExpected(expected)}\n` +
        `Received: ${printReceived(received)}\n\n` +
        printCloseTo(receivedDiff, expectedDiff, precision, isNot);
    return {pass, message};
  },

  toBeDefined: receivedOnly('toBeDefined', (received) => received !== undefined),
  toBeUndefined: receivedOnly('toBeUndefined', (received) => received === undefined),
  toBeNull: receivedOnly('toBeNull', (received) => received === null),
  toBeTruthy: receivedOnly('toBeTruthy', (received) => !!received),
  toBeFalsy: receivedOnly('toBeFalsy', (received) => !received),
  toBeNaN: receivedOnly('toBeNaN', (received) => Number.isNaN(received)),
  toBeGreaterThan: compareNumbers('toBeGreaterThan', '>', (a, b) => a > b),
  toBeGreaterThanOrEqual: compareNumbers('toBeGreaterThanOrEqual', '>=', (a, b) => a >= b),
  toBeLessThan: compareNumbers('toBeLessThan', '<', (a, b) => a < b),
  toBeLessThanOrEqual: compareNumbers('toBeLessThanOrEqual', '<=', (a, b) => a <= b),

  toBeInstanceOf(received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    const hint = matcherHint('toBeInstanceOf', undefined, undefined, options);
    if (typeof expected !== 'function') {
      throw matcherError(hint, 'expected value must be a function',
        printWithType('Expected', expected, printExpected));
    }
    const pass = received instanceof expected;
    const message = pass
      ? () => `${hint}\n\n${printConstructorName('Expected constructor', expected, true, true)}\n` +
        (typeof received.constructor === 'function' && received.constructor !== expected
          ? printReceivedConstructorNameNot('Received constructor', received.constructor, expected)
          : '')
      : () => `${hint}\n\n${printConstructorName('Expected constructor', expected, false, true)}\n` +
        (isPrimitive(received) || Object.getPrototypeOf(received) === null
          ? `\nReceived value has no prototype\nReceived value: ${printReceived(received)}`
          : typeof received.constructor !== 'function'
            ? `\nReceived value: ${printReceived(received)}`
            : `${printConstructorName('Received constructor', received.constructor, false, false)}\n`);
    return {pass, message};
  },

  toContain: containMatcher('toContain', false),
  toContainEqual: containMatcher('toContainEqual', true),

  toHaveLength(received, expected) {
    const isNot = this.isNot;
    const options = {isNot, promise: this.promise};
    if (received == null || typeof received.length !== 'number') {
      throw matcherError(matcherHint('toHaveLength', undefined, undefined, options),
        'received value must have a length property whose value must be a number',
        printWithType('Received', received, printReceived));
    }
    ensureNonNegativeInteger(expected, 'toHaveLength', options);
    const message = () => {
      const labelValue = `Received ${getType(received)}`;
      const printLabel = getLabelPrinter('Expected length', 'Received length', labelValue);
      return `${matcherHint('toHaveLength', undefined, undefined, options)}\n\n` +
        `${printLabel('Expected length')}${isNot ? 'not ' : ''}${printExpected(expected)}\n` +
        (isNot ? '' : `${printLabel('Received length')}${printReceived(received.length)}\n`) +
        `${printLabel(labelValue)}${isNot ? '    ' : ''}${printReceived(received)}`;
    };
    return {pass: received.length === expected, message};
  },

  toHaveProperty(received, expectedPath, expectedValue) {
    const hasValue = arguments.length === 3;
    const options = {isNot: this.isNot, promise: this.promise, secondArgument: hasValue ? 'value' : ''};
    const hint = matcherHint('toHaveProperty', undefined, 'path', options);
    if (received === null || received === undefined) {
      throw matcherError(hint, 'received value must not be null nor undefined',
        printWithType('Received', received, printReceived));
    }
    const pathType = getType(expectedPath);
    if (pathType !== 'string' && pathType !== 'array') {
      throw matcherError(hint, 'expected path must be a string or array',
        printWithType('Expected', expectedPath, printExpected));
    }
    const pathLength = pathType === 'string' ? pathAsArray(expectedPath).length : expectedPath.length;
    if (pathType === 'array' && pathLength === 0) {
      throw matcherError(hint, 'expected path must not be an empty array',
        printWithType('Expected', expectedPath, printExpected));
    }
    const result = getPath(received, expectedPath);
    const receivedPath = result.traversedPath;
    const hasCompletePath = receivedPath.length === pathLength;
    const receivedValue = hasCompletePath ? result.value : result.lastTraversedObject;
    const pass = hasValue && result.endPropIsDefined
      ? equals(result.value, expectedValue, [iterableEquality]) : Boolean(result.hasEndProp);
    const message = pass
      ? () => `${hint}\n\n` + (hasValue
        ? `Expected path: ${printExpected(expectedPath)}\n\n` +
          `Expected value: not ${printExpected(expectedValue)}` +
          (stringify(expectedValue) !== stringify(receivedValue)
            ? `\nReceived value:     ${printReceived(receivedValue)}` : '')
        : `Expected path: not ${printExpected(expectedPath)}\n\n` +
          `Received value: ${printReceived(receivedValue)}`)
      : () => `${hint}\n\nExpected path: ${printExpected(expectedPath)}\n` + (hasCompletePath
        ? `\n${printDiffOrStringify(expectedValue, receivedValue, 'Expected value', 'Received value')}`
        : `Received path: ${printReceived(pathType === 'array' || receivedPath.length === 0
          ? receivedPath : receivedPath.join('.'))}\n\n` +
          (hasValue ? `Expected value: ${printExpected(expectedValue)}\n` : '') +
          `Received value: ${printReceived(receivedValue)}`);
    return {pass, message};
  },

  toMatch(received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    const hint = matcherHint('toMatch', undefined, undefined, options);
    if (typeof received !== 'string') {
      throw matcherError(hint, 'received value must be a string',
        printWithType('Received', received, printReceived));
    }
    if (typeof expected !== 'string' && !(expected && typeof expected.test === 'function')) {
      throw matcherError(hint, 'expected value must be a string or regular expression',
        printWithType('Expected', expected, printExpected));
    }
    const isString = typeof expected === 'string';
    const pass = isString ? received.includes(expected) : new RegExp(expected).test(received);
    const message = pass
      ? () => {
        if (isString) {
          return `${hint}\n\nExpected substring: not ${printExpected(expected)}\n` +
            `Received string:        ${printReceivedWithin(received, received.indexOf(expected), expected.length)}`;
        }
        const match = typeof expected.exec === 'function' ? expected.exec(received) : null;
        return `${hint}\n\nExpected pattern: not ${printExpected(expected)}\n` +
          `Received string:      ${match === null ? printReceived(received)
            : printReceivedWithin(received, match.index, match[0].length)}`;
      }
      : () => {
        const labelExpected = `Expected ${isString ? 'substring' : 'pattern'}`;
        const printLabel = getLabelPrinter(labelExpected, 'Received string');
        return `${hint}\n\n${printLabel(labelExpected)}${printExpected(expected)}\n` +
          `${printLabel('Received string')}${printReceived(received)}`;
      };
    return {pass, message};
  },

  toMatchObject(received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    const hint = matcherHint('toMatchObject', undefined, undefined, options);
    if (typeof received !== 'object' || received === null) {
      throw matcherError(hint, 'received value must be a non-null object',
        printWithType('Received', received, printReceived));
    }
    if (typeof expected !== 'object' || expected === null) {
      throw matcherError(hint, 'expected value must be a non-null object',
        printWithType('Expected', expected, printExpected));
    }
    const pass = equals(received, expected, [iterableEquality, subsetEquality]);
    const message = pass
      ? () => `${hint}\n\nExpected: not ${printExpected(expected)}` +
        (stringify(expected) !== stringify(received) ? `\nReceived:     ${printReceived(received)}` : '')
      : () => `${hint}\n\n` + printDiffOrStringify(expected, getObjectSubset(received, expected),
        'Expected', 'Received');
    return {pass, message};
  },
};

// toThrow and toThrowError

const DID_NOT_THROW = 'Received function did not throw';

function thrownFrom(value) {
  const hasMessage = value !== null && value !== undefined && typeof value.message === 'string';
  const isError = hasMessage && typeof value.name === 'string' && typeof value.stack === 'string';
  return {hasMessage, isError, message: hasMessage ? value.message : String(value), value};
}

const isErrorValue = (value) => value instanceof Error ||
  ['[object Error]', '[object Exception]', '[object DOMException]'].includes(tagOf(value));

function formatThrown(label, thrown, key, expected) {
  if (thrown === null) return '';
  if (key === 'message') {
    const message = thrown.message;
    if (typeof expected === 'string') {
      const index = message.indexOf(expected);
      if (index !== -1) return `${label}${printReceivedWithin(message, index, expected.length)}\n`;
    } else if (expected instanceof RegExp) {
      const match = typeof expected.exec === 'function' ? expected.exec(message) : null;
      return `${label}${match === null ? printReceived(message)
        : printReceivedWithin(message, match.index, match[0].length)}\n`;
    }
    return `${label}${printReceived(message)}\n`;
  }
  if (key === 'name') return thrown.isError ? `${label}${printReceived(thrown.value.name)}\n` : '';
  return thrown.isError ? '' : `${label}${printReceived(thrown.value)}\n`;
}

function createThrowMatcher(matcherName, fromPromise = false) {
  return function (received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    let thrown = null;
    if (fromPromise && isErrorValue(received)) {
      thrown = thrownFrom(received);
    } else if (typeof received !== 'function') {
      if (!fromPromise) {
        throw matcherError(
          matcherHint(matcherName, undefined, expected === undefined ? '' : 'expected', options),
          'received value must be a function', printWithType('Received', received, printReceived));
      }
    } else {
      try {
        received();
      } catch (error) {
        thrown = thrownFrom(error);
      }
    }
    const hint = matcherHint(matcherName, undefined, expected === undefined ? '' : undefined, options);
    const done = (pass, onPass, onFail) => ({pass, message: () => `${hint}\n\n${pass ? onPass() : onFail()}`});
    if (expected === undefined) {
      return done(thrown !== null,
        () => (thrown.hasMessage ? formatThrown('Error name:    ', thrown, 'name') +
          formatThrown('Error message: ', thrown, 'message') : formatThrown('Thrown value: ', thrown, 'value')),
        () => DID_NOT_THROW);
    }
    if (typeof expected === 'function') {
      return done(thrown !== null && thrown.value instanceof expected,
        () => `${printConstructorName('Expected constructor', expected, true, true)}\n` +
          (thrown.value != null && typeof thrown.value.constructor === 'function' &&
            thrown.value.constructor !== expected
            ? printReceivedConstructorNameNot('Received constructor', thrown.value.constructor, expected)
            : '') + '\n' +
          (thrown.hasMessage ? formatThrown('Received message: ', thrown, 'message')
            : formatThrown('Received value: ', thrown, 'value')),
        () => `${printConstructorName('Expected constructor', expected, false, true)}\n` +
          (thrown === null ? `\n${DID_NOT_THROW}`
            : (thrown.value != null && typeof thrown.value.constructor === 'function'
              ? `${printConstructorName('Received constructor', thrown.value.constructor, false, false)}\n` : '') +
              '\n' + (thrown.hasMessage ? formatThrown('Received message: ', thrown, 'message')
              : formatThrown('Received value: ', thrown, 'value'))));
    }
    if (typeof expected === 'string') {
      return done(thrown !== null && thrown.message.includes(expected),
        () => `Expected substring: not ${printExpected(expected)}\n` +
          (thrown.hasMessage ? formatThrown('Received message:       ', thrown, 'message', expected)
            : formatThrown('Received value:         ', thrown, 'value')),
        () => `Expected substring: ${printExpected(expected)}\n` +
          (thrown === null ? `\n${DID_NOT_THROW}` : thrown.hasMessage
            ? formatThrown('Received message:   ', thrown, 'message')
            : formatThrown('Received value:     ', thrown, 'value')));
    }
    if (expected !== null && typeof expected.test === 'function') {
      return done(thrown !== null && expected.test(thrown.message),
        () => `Expected pattern: not ${printExpected(expected)}\n` +
          (thrown.hasMessage ? formatThrown('Received message:     ', thrown, 'message', expected)
            : formatThrown('Received value:       ', thrown, 'value')),
        () => `Expected pattern: ${printExpected(expected)}\n` +
          (thrown === null ? `\n${DID_NOT_THROW}` : thrown.hasMessage
            ? formatThrown('Received message: ', thrown, 'message')
            : formatThrown('Received value:   ', thrown, 'value')));
    }
    if (expected !== null && typeof expected.asymmetricMatch === 'function') {
      return done(thrown !== null && expected.asymmetricMatch(thrown.value),
        () => `Expected asymmetric matcher: not ${printExpected(expected)}\n\n` +
          (thrown.hasMessage ? formatThrown('Received name:    ', thrown, 'name') +
            formatThrown('Received message: ', thrown, 'message')
            : formatThrown('Thrown value: ', thrown, 'value')),
        () => `Expected asymmetric matcher: ${printExpected(expected)}\n\n` +
          (thrown === null ? DID_NOT_THROW : thrown.hasMessage
            ? formatThrown('Received name:    ', thrown, 'name') +
              formatThrown('Received message: ', thrown, 'message')
            : formatThrown('Thrown value: ', thrown, 'value')));
    }
    if (expected !== null && typeof expected === 'object') {
      return done(thrown !== null && thrown.message === expected.message,
        () => `Expected message: not ${printExpected(expected.message)}\n` +
          (thrown.hasMessage ? '' : formatThrown('Received value:       ', thrown, 'value')),
        () => (thrown === null ? `Expected message: ${printExpected(expected.message)}\n\n${DID_NOT_THROW}`
          : thrown.hasMessage
            ? `${printDiffOrStringify(expected.message, thrown.message, 'Expected message', 'Received message')}\n`
            : `Expected message: ${printExpected(expected.message)}\n` +
              formatThrown('Received value:   ', thrown, 'value')));
    }
    throw matcherError(matcherHint(matcherName, undefined, undefined, options),
      'expected value must be a string or regular expression or class or error',
      printWithType('Expected', expected, printExpected));
  };
}

const throwMatchers = {
  toThrow: createThrowMatcher('toThrow'),
  toThrowError: createThrowMatcher('toThrowError'),
};

// Matchers for mock functions (toHaveBeenCalled and friends)

const PRINT_LIMIT = 3;
const NO_ARGUMENTS = 'called with 0 arguments';
const isMock = (value) => value != null && value._isMockFunction === true;
const isEqualValue = (expected, received) => equals(expected, received, [iterableEquality]);
const isEqualCall = (expected, received) =>
  received.length === expected.length && isEqualValue(expected, received);
const isEqualReturn = (expected, result) => result.type === 'return' && isEqualValue(expected, result.value);
const countReturns = (results) => results.filter((result) => result.type === 'return').length;
const printExpectedArgs = (expected) =>
  (expected.length === 0 ? NO_ARGUMENTS : expected.map((arg) => printExpected(arg)).join(', '));
const printReceivedArgs = (received, expected) => (received.length === 0 ? NO_ARGUMENTS
  : received.map((arg, i) => (Array.isArray(expected) && i < expected.length &&
    isEqualValue(expected[i], arg) ? stringify(arg) : printReceived(arg))).join(', '));

function ensureMock(received, matcherName, expectedArgument, options) {
  if (!isMock(received)) {
    throw matcherError(matcherHint(matcherName, undefined, expectedArgument, options),
      'received value must be a mock or spy function',
      printWithType('Received', received, printReceived));
  }
}

function rightAlignedPrinter(label) {
  const index = label.indexOf(':');
  const suffix = label.slice(index);
  return (text, isExpectedCall) => (isExpectedCall
    ? `->${' '.repeat(Math.max(0, index - 2 - text.length))}`
    : ' '.repeat(Math.max(0, index - text.length))) + text + suffix;
}

function isLineDiffableArg(expected, received) {
  const expectedType = getType(expected);
  if (expectedType !== getType(received) || isPrimitive(expected)) return false;
  if (expectedType === 'date' || expectedType === 'function' || expectedType === 'regexp') return false;
  if (expected instanceof Error && received instanceof Error) return false;
  return !isAsymmetric(expected) && !isAsymmetric(received);
}

const isLineDiffableCall = (expected, received) =>
  expected.some((arg, i) => i < received.length && isLineDiffableArg(arg, received[i]));

function printReceivedCallsNegative(expected, indexedCalls, isOnlyCall, iExpectedCall) {
  if (indexedCalls.length === 0) return '';
  const label = 'Received:     ';
  if (isOnlyCall) return `${label}${printReceivedArgs(indexedCalls[0][1], expected)}\n`;
  const printAligned = rightAlignedPrinter(label);
  return `Received\n${indexedCalls.map(([i, args]) =>
    `${printAligned(String(i + 1), i === iExpectedCall)}${printReceivedArgs(args, expected)}\n`).join('')}`;
}

const CALL_INDENT = '        ';

function printDiffCall(expected, received) {
  return received.map((arg, i) => {
    if (i < expected.length) {
      if (isEqualValue(expected[i], arg)) return `${CALL_INDENT}  ${stringify(arg)},`;
      if (isLineDiffableArg(expected[i], arg)) {
        const difference = diff(expected[i], arg);
        if (typeof difference === 'string' && difference.includes('- Expected') &&
            difference.includes('+ Received')) {
          return `${difference.split('\n').slice(3).map((line) => CALL_INDENT + line).join('\n')},`;
        }
      }
    }
    return `${CALL_INDENT}${i < expected.length ? `  ${printReceived(arg)}` : `+ ${stringify(arg)}`},`;
  }).join('\n');
}

function printExpectedReceivedCallsPositive(expected, indexedCalls, isOnlyCall, iExpectedCall) {
  const expectedLine = `Expected: ${printExpectedArgs(expected)}\n`;
  if (indexedCalls.length === 0) return expectedLine;
  const label = 'Received: ';
  if (isOnlyCall && (iExpectedCall === 0 || iExpectedCall === undefined)) {
    const received = indexedCalls[0][1];
    if (isLineDiffableCall(expected, received)) {
      const lines = ['- Expected', '+ Received', ''];
      const length = Math.max(expected.length, received.length);
      for (let i = 0; i < length; i++) {
        if (i < expected.length && i < received.length) {
          if (isEqualValue(expected[i], received[i])) {
            lines.push(`  ${stringify(received[i])},`);
            continue;
          }
          if (isLineDiffableArg(expected[i], received[i])) {
            const difference = diff(expected[i], received[i]);
            if (typeof difference === 'string' && difference.includes('- Expected') &&
                difference.includes('+ Received')) {
              lines.push(`${difference.split('\n').slice(3).join('\n')},`);
              continue;
            }
          }
        }
        if (i < expected.length) lines.push(`- ${stringify(expected[i])},`);
        if (i < received.length) lines.push(`+ ${stringify(received[i])},`);
      }
      return `${lines.join('\n')}\n`;
    }
    return `${expectedLine}${label}${printReceivedArgs(received, expected)}\n`;
  }
  const printAligned = rightAlignedPrinter(label);
  return `${expectedLine}Received\n${indexedCalls.map(([i, received]) => {
    const aligned = printAligned(String(i + 1), i === iExpectedCall);
    return `${(i === iExpectedCall || iExpectedCall === undefined) && isLineDiffableCall(expected, received)
      ? aligned.replace(': ', '\n') + printDiffCall(expected, received)
      : aligned + printReceivedArgs(received, expected)}\n`;
  }).join('')}`;
}

function calledMatcher(name) {
  return function (received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureNoExpected(expected, name, options);
    ensureMock(received, name, '', options);
    const calls = received.mock.calls;
    const hint = matcherHint(name, received.getMockName(), '', options);
    const message = calls.length > 0
      ? () => `${hint}\n\nExpected number of calls: ${printExpected(0)}\n` +
        `Received number of calls: ${printReceived(calls.length)}\n\n` +
        calls.slice(0, PRINT_LIMIT).map((args, i) => `${i + 1}: ${printReceivedArgs(args)}`).join('\n')
      : () => `${hint}\n\nExpected number of calls: >= ${printExpected(1)}\n` +
        `Received number of calls:    ${printReceived(calls.length)}`;
    return {pass: calls.length > 0, message};
  };
}

function calledTimesMatcher(name) {
  return function (received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureNonNegativeInteger(expected, name, options);
    ensureMock(received, name, 'expected', options);
    const count = received.mock.calls.length;
    const hint = matcherHint(name, received.getMockName(), 'expected', options);
    const message = count === expected
      ? () => `${hint}\n\nExpected number of calls: not ${printExpected(expected)}`
      : () => `${hint}\n\nExpected number of calls: ${printExpected(expected)}\n` +
        `Received number of calls: ${printReceived(count)}`;
    return {pass: count === expected, message};
  };
}

function calledWithMatcher(name) {
  return function (received, ...expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureMock(received, name, '...expected', options);
    const calls = received.mock.calls;
    const hint = matcherHint(name, received.getMockName(), '...expected', options);
    const pass = calls.some((call) => isEqualCall(expected, call));
    const message = pass
      ? () => {
        const indexed = calls.map((call, i) => [i, call])
          .filter(([, call]) => isEqualCall(expected, call)).slice(0, PRINT_LIMIT);
        return `${hint}\n\nExpected: not ${printExpectedArgs(expected)}\n` +
          (calls.length === 1 && stringify(calls[0]) === stringify(expected) ? ''
            : printReceivedCallsNegative(expected, indexed, calls.length === 1)) +
          `\nNumber of calls: ${printReceived(calls.length)}`;
      }
      : () => `${hint}\n\n` + printExpectedReceivedCallsPositive(expected,
        calls.slice(0, PRINT_LIMIT).map((call, i) => [i, call]), calls.length === 1) +
        `\nNumber of calls: ${printReceived(calls.length)}`;
    return {pass, message};
  };
}

function lastCalledWithMatcher(name) {
  return function (received, ...expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureMock(received, name, '...expected', options);
    const calls = received.mock.calls;
    const last = calls.length - 1;
    const hint = matcherHint(name, received.getMockName(), '...expected', options);
    const pass = last >= 0 && isEqualCall(expected, calls[last]);
    const message = pass
      ? () => {
        const indexed = last > 0 ? [[last - 1, calls[last - 1]], [last, calls[last]]] : [[last, calls[last]]];
        return `${hint}\n\nExpected: not ${printExpectedArgs(expected)}\n` +
          (calls.length === 1 && stringify(calls[0]) === stringify(expected) ? ''
            : printReceivedCallsNegative(expected, indexed, calls.length === 1, last)) +
          `\nNumber of calls: ${printReceived(calls.length)}`;
      }
      : () => {
        const indexed = [];
        if (last >= 0) {
          if (last > 0) {
            let i = last - 1;
            while (i >= 0 && !isEqualCall(expected, calls[i])) i--;
            if (i < 0) i = last - 1;
            indexed.push([i, calls[i]]);
          }
          indexed.push([last, calls[last]]);
        }
        return `${hint}\n\n` +
          printExpectedReceivedCallsPositive(expected, indexed, calls.length === 1, last) +
          `\nNumber of calls: ${printReceived(calls.length)}`;
      };
    return {pass, message};
  };
}

function nthCalledWithMatcher(name) {
  return function (received, nth, ...expected) {
    const options = {isNot: this.isNot, promise: this.promise, secondArgument: '...expected'};
    ensureMock(received, name, 'n', options);
    const hint = matcherHint(name, received.getMockName(), 'n', options);
    if (!Number.isSafeInteger(nth) || nth < 1) {
      throw matcherError(hint, 'n must be a positive integer', printWithType('n', nth, stringify));
    }
    const calls = received.mock.calls;
    const length = calls.length;
    const iNth = nth - 1;
    const pass = iNth < length && isEqualCall(expected, calls[iNth]);
    const nearest = (from, step, fallback) => {
      let i = from;
      while (i >= 0 && i < length && !isEqualCall(expected, calls[i])) i += step;
      return i < 0 || i >= length ? fallback : i;
    };
    const message = pass
      ? () => {
        const indexed = [];
        if (iNth - 1 >= 0) indexed.push([iNth - 1, calls[iNth - 1]]);
        indexed.push([iNth, calls[iNth]]);
        if (iNth + 1 < length) indexed.push([iNth + 1, calls[iNth + 1]]);
        return `${hint}\n\nn: ${nth}\nExpected: not ${printExpectedArgs(expected)}\n` +
          (calls.length === 1 && stringify(calls[0]) === stringify(expected) ? ''
            : printReceivedCallsNegative(expected, indexed, calls.length === 1, iNth)) +
          `\nNumber of calls: ${printReceived(calls.length)}`;
      }
      : () => {
        const indexed = [];
        if (iNth < length) {
          if (iNth - 1 >= 0) {
            const i = nearest(iNth - 1, -1, iNth - 1);
            indexed.push([i, calls[i]]);
          }
          indexed.push([iNth, calls[iNth]]);
          if (iNth + 1 < length) {
            const i = nearest(iNth + 1, 1, iNth + 1);
            indexed.push([i, calls[i]]);
          }
        } else if (length > 0) {
          const i = nearest(length - 1, -1, length - 1);
          indexed.push([i, calls[i]]);
        }
        return `${hint}\n\nn: ${nth}\n` +
          printExpectedReceivedCallsPositive(expected, indexed, calls.length === 1, iNth) +
          `\nNumber of calls: ${printReceived(calls.length)}`;
      };
    return {pass, message};
  };
}

const printResult = (result, expected) => (result.type === 'throw' ? 'function call threw an error'
  : result.type === 'incomplete' ? 'function call has not returned yet'
    : isEqualValue(expected, result.value) ? stringify(result.value) : printReceived(result.value));
const printNumberOfReturns = (returns, calls) => `\nNumber of returns: ${printReceived(returns)}` +
  (calls === returns ? '' : `\nNumber of calls:   ${printReceived(calls)}`);

function returnedMatcher(name) {
  return function (received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureNoExpected(expected, name, options);
    ensureMock(received, name, '', options);
    const {calls, results} = received.mock;
    const count = countReturns(results);
    const hint = matcherHint(name, received.getMockName(), '', options);
    const callsLine = (label) => (calls.length === count ? '' : `${label}${printReceived(calls.length)}`);
    const message = count > 0
      ? () => `${hint}\n\nExpected number of returns: ${printExpected(0)}\n` +
        `Received number of returns: ${printReceived(count)}\n\n` +
        results.map((result, i) => [i, result]).filter(([, result]) => result.type === 'return')
          .slice(0, PRINT_LIMIT).map(([i, result]) => `${i + 1}: ${printReceived(result.value)}`).join('\n') +
        callsLine('\n\nReceived number of calls:   ')
      : () => `${hint}\n\nExpected number of returns: >= ${printExpected(1)}\n` +
        `Received number of returns:    ${printReceived(count)}` + callsLine('\nReceived number of calls:      ');
    return {pass: count > 0, message};
  };
}

function returnedTimesMatcher(name) {
  return function (received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureNonNegativeInteger(expected, name, options);
    ensureMock(received, name, 'expected', options);
    const {calls, results} = received.mock;
    const count = countReturns(results);
    const hint = matcherHint(name, received.getMockName(), 'expected', options);
    const message = count === expected
      ? () => `${hint}\n\nExpected number of returns: not ${printExpected(expected)}` +
        (calls.length === count ? '' : `\n\nReceived number of calls:       ${printReceived(calls.length)}`)
      : () => `${hint}\n\nExpected number of returns: ${printExpected(expected)}\n` +
        `Received number of returns: ${printReceived(count)}` +
        (calls.length === count ? '' : `\nReceived number of calls:   ${printReceived(calls.length)}`);
    return {pass: count === expected, message};
  };
}

function returnedWithMatcher(name) {
  return function (received, expected) {
    const options = {isNot: this.isNot, promise: this.promise};
    ensureMock(received, name, 'expected', options);
    const {calls, results} = received.mock;
    const hint = matcherHint(name, received.getMockName(), 'expected', options);
    const pass = results.some((result) => isEqualReturn(expected, result));
    const printResults = (label, indexed) => {
      if (indexed.length === 0) return '';
      if (results.length === 1) return `${label}${printResult(indexed[0][1], expected)}\n`;
      const printAligned = rightAlignedPrinter(label);
      return `${label.replace(':', '').trim()}\n${indexed.map(([i, result]) =>
        `${printAligned(String(i + 1), false)}${printResult(result, expected)}\n`).join('')}`;
    };
    const message = pass
      ? () => `${hint}\n\nExpected: not ${printExpected(expected)}\n` +
        (results.length === 1 && results[0].type === 'return' &&
          stringify(results[0].value) === stringify(expected) ? ''
          : printResults('Received:     ', results.map((r, i) => [i, r])
            .filter(([, r]) => isEqualReturn(expected, r)).slice(0, PRINT_LIMIT))) +
        printNumberOfReturns(countReturns(results), calls.length)
      : () => `${hint}\n\nExpected: ${printExpected(expected)}\n` +
        printResults('Received: ', results.slice(0, PRINT_LIMIT).map((r, i) => [i, r])) +
        printNumberOfReturns(countReturns(results), calls.length);
    return {pass, message};
  };
}

const spyMatchers = {};
for (const [names, make] of [
  [['toHaveBeenCalled', 'toBeCalled'], calledMatcher],
  [['toHaveBeenCalledTimes', 'toBeCalledTimes'], calledTimesMatcher],
  [['toHaveBeenCalledWith', 'toBeCalledWith'], calledWithMatcher],
  [['toHaveBeenLastCalledWith', 'lastCalledWith'], lastCalledWithMatcher],
  [['toHaveBeenNthCalledWith', 'nthCalledWith'], nthCalledWithMatcher],
  [['toHaveReturned', 'toReturn'], returnedMatcher],
  [['toHaveReturnedTimes', 'toReturnTimes'], returnedTimesMatcher],
  [['toHaveReturnedWith', 'toReturnWith'], returnedWithMatcher],
]) {
  for (const name of names) spyMatchers[name] = make(name);
}

// ---------------------------------------------------------------------------------------------
// expect

/** The error a failed expectation throws; `matcherResult` marks it as one. */
export class JestAssertionError extends Error {}

const expectState = {
  assertionCalls: 0,
  expectedAssertionsNumber: null,
  expectedAssertionsNumberError: null,
  isExpectingAssertions: false,
  isExpectingAssertionsError: null,
  currentTestName: undefined,
  testPath: undefined,
};
const customMatchers = {};

function resetAssertionState() {
  Object.assign(expectState, {assertionCalls: 0, expectedAssertionsNumber: null,
    expectedAssertionsNumberError: null, isExpectingAssertions: false,
    isExpectingAssertionsError: null});
}

const withLearnerMessage = (message, learnerMessage) =>
  (learnerMessage ? `${learnerMessage}\n\n${message}` : message);

function addLearnerMessage(error, learnerMessage) {
  if (learnerMessage && error && typeof error === 'object' && !error.hasLearnerMessage) {
    error.message = withLearnerMessage(error.message, learnerMessage);
    error.hasLearnerMessage = true;
  }
  return error;
}

function makeThrowingMatcher(matcher, isNot, promise, actual, learnerMessage) {
  return function throwingMatcher(...args) {
    const context = {
      ...expectState, isNot, promise, equals, utils: matcherUtils, expand: false, customTesters: [],
    };
    const processResult = (result) => {
      if (!result || typeof result !== 'object' || typeof result.pass !== 'boolean') {
        throw new Error('Unexpected return from a matcher function.\nMatcher functions should ' +
          'return an object in the following format:\n  {message?: string | function, pass: boolean}\n' +
          `'${stringify(result)}' was returned`);
      }
      expectState.assertionCalls++;
      if (result.pass === isNot) {
        const message = typeof result.message === 'function' ? result.message()
          : result.message ?? 'No message was specified for this matcher.';
        const error = new JestAssertionError(withLearnerMessage(message, learnerMessage));
        error.hasLearnerMessage = true;
        error.matcherResult = {...result, message};
        throw error;
      }
    };
    try {
      const result = matcher.call(context, actual, ...args);
      if (isPromise(result)) {
        return result.then(processResult, (error) => {
          throw addLearnerMessage(error, learnerMessage);
        });
      }
      processResult(result);
      return undefined;
    } catch (error) {
      throw addLearnerMessage(error, learnerMessage);
    }
  };
}

function promiseMatcher(name, matcher, isNot, actual, learnerMessage, expectRejection) {
  return (...args) => {
    const promise = expectRejection ? 'rejects' : 'resolves';
    const options = {isNot, promise};
    const settled = typeof actual === 'function' ? actual() : actual;
    if (!isPromise(settled)) {
      throw addLearnerMessage(matcherError(matcherHint(name, undefined, '', options),
        'received value must be a promise or a function returning a promise',
        printWithType('Received', actual, printReceived)), learnerMessage);
    }
    const wrongWay = (value) => {
      const error = new JestAssertionError(withLearnerMessage(
        `${matcherHint(name, undefined, '', options)}\n\n` + (expectRejection
          ? `Received promise resolved instead of rejected\nResolved to value: ${printReceived(value)}`
          : `Received promise rejected instead of resolved\nRejected to value: ${printReceived(value)}`),
        learnerMessage));
      error.hasLearnerMessage = true;
      error.matcherResult = {pass: false, message: error.message};
      throw error;
    };
    const check = (value) => makeThrowingMatcher(matcher, isNot, promise, value, learnerMessage)(...args);
    return expectRejection ? settled.then(wrongWay, check) : settled.then(check, wrongWay);
  };
}

/**
 * Jest's expect. An optional second argument is a message for the learner, shown first when
 * the expectation fails: expect(heading, "Your page needs an <h1> heading.").toBeTruthy()
 */
export function expect(actual, ...rest) {
  if (rest.length > 1) {
    throw new Error('expect() takes a value and, if you like, a message for the learner.');
  }
  const learnerMessage = rest[0];
  if (learnerMessage !== undefined && typeof learnerMessage !== 'string') {
    throw new Error('The second argument of expect() must be a message (a string).');
  }
  const matchers = {...coreMatchers, ...throwMatchers, ...spyMatchers, ...customMatchers};
  const expectation = {not: {}, resolves: {not: {}}, rejects: {not: {}}};
  for (const [name, matcher] of Object.entries(matchers)) {
    const forPromise = name === 'toThrow' ? createThrowMatcher(name, true) : matcher;
    expectation[name] = makeThrowingMatcher(matcher, false, '', actual, learnerMessage);
    expectation.not[name] = makeThrowingMatcher(matcher, true, '', actual, learnerMessage);
    for (const [key, rejects] of [['resolves', false], ['rejects', true]]) {
      expectation[key][name] = promiseMatcher(name, forPromise, false, actual, learnerMessage, rejects);
      expectation[key].not[name] = promiseMatcher(name, forPromise, true, actual, learnerMessage, rejects);
    }
  }
  return expectation;
}

class CustomAsymmetricMatcher extends AsymmetricMatcher {
  constructor(name, matcher, sample, inverse) {
    super(sample, inverse);
    this.name = name;
    this.matcher = matcher;
  }

  asymmetricMatch(other) {
    const context = {...expectState, isNot: this.inverse, promise: '', equals, utils: matcherUtils};
    const {pass} = this.matcher.call(context, other, ...this.sample);
    return this.inverse ? !pass : pass;
  }

  toString() {
    return `${this.inverse ? 'not.' : ''}${this.name}`;
  }

  toAsymmetricMatcher() {
    return `${this.toString()}<${this.sample.map((value) => stringify(value)).join(', ')}>`;
  }
}

expect.not = {};
expect.extend = (matchers) => {
  for (const [name, matcher] of Object.entries(matchers)) {
    customMatchers[name] = matcher;
    expect[name] = (...sample) => new CustomAsymmetricMatcher(name, matcher, sample, false);
    expect.not[name] = (...sample) => new CustomAsymmetricMatcher(name, matcher, sample, true);
  }
};
expect.anything = () => new Anything();
expect.any = (sample) => new Any(sample);
expect.arrayContaining = (sample) => new ArrayContaining(sample);
expect.objectContaining = (sample) => new ObjectContaining(sample);
expect.stringContaining = (sample) => new StringContaining(sample);
expect.stringMatching = (sample) => new StringMatching(sample);
expect.closeTo = (sample, precision) => new CloseTo(sample, precision);
expect.not.arrayContaining = (sample) => new ArrayContaining(sample, true);
expect.not.objectContaining = (sample) => new ObjectContaining(sample, true);
expect.not.stringContaining = (sample) => new StringContaining(sample, true);
expect.not.stringMatching = (sample) => new StringMatching(sample, true);
expect.not.closeTo = (sample, precision) => new CloseTo(sample, precision, true);
expect.assertions = (expected) => {
  expectState.expectedAssertionsNumber = expected;
  expectState.expectedAssertionsNumberError = new JestAssertionError();
};
expect.hasAssertions = (expected) => {
  ensureNoExpected(expected, '.hasAssertions');
  expectState.isExpectingAssertions = true;
  expectState.isExpectingAssertionsError = new JestAssertionError();
};
expect.getState = () => expectState;
expect.setState = (state) => Object.assign(expectState, state);

function assertionCountErrors() {
  const errors = [];
  const {assertionCalls, expectedAssertionsNumber, isExpectingAssertions} = expectState;
  if (typeof expectedAssertionsNumber === 'number' && assertionCalls !== expectedAssertionsNumber) {
    const error = expectState.expectedAssertionsNumberError;
    error.message = `${matcherHint('.assertions', '', String(expectedAssertionsNumber), {isDirectExpectCall: true})}\n\n` +
      `Expected ${pluralize('assertion', expectedAssertionsNumber)} to be called but received ` +
      `${pluralize('assertion call', assertionCalls || 0)}.`;
    error.matcherResult = {pass: false, message: error.message};
    errors.push(error);
  }
  if (isExpectingAssertions && assertionCalls === 0) {
    const error = expectState.isExpectingAssertionsError;
    error.message = `${matcherHint('.hasAssertions', '', '', {isDirectExpectCall: true})}\n\n` +
      'Expected at least one assertion to be called but received none.';
    error.matcherResult = {pass: false, message: error.message};
    errors.push(error);
  }
  resetAssertionState();
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Mock functions (jest.fn, jest.spyOn)

let mockCallCount = 0;
const allMocks = new Set();
const spies = new Set();

function freshMockState() {
  return {calls: [], contexts: [], instances: [], invocationCallOrder: [], results: [],
    lastCall: undefined};
}

function createMock(implementation) {
  let state = freshMockState();
  const config = {implementation, once: [], name: 'jest.fn()', restore: null};
  const mock = function (...args) {
    state.calls.push(args);
    state.contexts.push(this);
    state.instances.push(this);
    state.invocationCallOrder.push(++mockCallCount);
    state.lastCall = args;
    const result = {type: 'incomplete', value: undefined};
    state.results.push(result);
    try {
      const chosen = config.once.length ? config.once.shift() : config.implementation;
      const value = chosen ? chosen.apply(this, args) : undefined;
      result.type = 'return';
      result.value = value;
      return value;
    } catch (error) {
      result.type = 'throw';
      result.value = error;
      throw error;
    }
  };
  Object.defineProperty(mock, 'mock', {get: () => state, enumerable: true});
  Object.assign(mock, {
    _isMockFunction: true,
    getMockImplementation: () => config.implementation,
    getMockName: () => config.name,
    mockName(name) {
      config.name = name;
      return mock;
    },
    mockClear() {
      state = freshMockState();
      return mock;
    },
    mockReset() {
      state = freshMockState();
      config.implementation = undefined;
      config.once = [];
      config.name = 'jest.fn()';
      return mock;
    },
    mockRestore() {
      mock.mockReset();
      if (config.restore) config.restore();
    },
    mockImplementation(next) {
      config.implementation = next;
      return mock;
    },
    mockImplementationOnce(next) {
      config.once.push(next);
      return mock;
    },
    mockReturnValue: (value) => mock.mockImplementation(() => value),
    mockReturnValueOnce: (value) => mock.mockImplementationOnce(() => value),
    mockResolvedValue: (value) => mock.mockImplementation(() => Promise.resolve(value)),
    mockResolvedValueOnce: (value) => mock.mockImplementationOnce(() => Promise.resolve(value)),
    mockRejectedValue: (value) => mock.mockImplementation(() => Promise.reject(value)),
    mockRejectedValueOnce: (value) => mock.mockImplementationOnce(() => Promise.reject(value)),
    mockReturnThis: () => mock.mockImplementation(function () {
      return this;
    }),
  });
  mock._setRestore = (restore) => {
    config.restore = restore;
  };
  allMocks.add(mock);
  return mock;
}

function spyOn(object, methodName) {
  if (object === null || object === undefined || isPrimitive(object)) {
    throw new Error(`Cannot use spyOn on a primitive value; ${getType(object)} given`);
  }
  const original = object[methodName];
  if (isMock(original)) return original;
  if (typeof original !== 'function') {
    if (!(methodName in object)) {
      throw new Error(`Property \`${String(methodName)}\` does not exist in the provided object`);
    }
    throw new Error(`Cannot spy on the \`${String(methodName)}\` property because it is not a ` +
      `function; ${getType(original)} given instead.`);
  }
  const isOwn = hasOwn(object, methodName);
  const spy = createMock(function (...args) {
    return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
  });
  spy._setRestore(() => {
    if (isOwn) object[methodName] = original;
    else delete object[methodName];
  });
  object[methodName] = spy;
  spies.add(spy);
  return spy;
}

const notAvailable = (what) => () => {
  throw new Error(`${what} is not available in these checks.`);
};

/** The `jest` object: mock functions, and a per-file default time limit. */
export const jest = {
  fn: (implementation) => createMock(implementation),
  spyOn,
  isMockFunction: isMock,
  clearAllMocks() {
    allMocks.forEach((mock) => mock.mockClear());
    return jest;
  },
  resetAllMocks() {
    allMocks.forEach((mock) => mock.mockReset());
    return jest;
  },
  restoreAllMocks() {
    spies.forEach((spy) => spy.mockRestore());
    spies.clear();
    return jest;
  },
  setTimeout(milliseconds) {
    currentFile().testTimeout = milliseconds;
    return jest;
  },
  mock: notAvailable('jest.mock()'),
  useFakeTimers: notAvailable('jest.useFakeTimers()'),
  useRealTimers: () => jest,
};

// ---------------------------------------------------------------------------------------------
// Defining tests (describe, test, hooks, each)

let file = null;

function makeBlock(name, parent, mode) {
  return {type: 'describe', name, parent, mode, children: [], hooks: []};
}

/** Forget everything defined so far and start collecting the tests of one test file. */
export function startFile({testTimeoutMs = 5000} = {}) {
  const root = makeBlock('', null, undefined);
  file = {root, current: root, focused: false, started: false, running: null,
    unhandledErrors: [], testTimeout: testTimeoutMs};
  resetAssertionState();
}

function currentFile() {
  if (file === null) startFile();
  return file;
}

function descriptorToString(descriptor) {
  if (typeof descriptor === 'string') return descriptor;
  if (typeof descriptor === 'number' || typeof descriptor === 'undefined') return `${descriptor}`;
  if (typeof descriptor === 'function' && descriptor.name) return descriptor.name;
  throw new Error(`Invalid first argument, ${descriptor}. It must be a named class, named ` +
    'function, number, or string.');
}

function addDescribe(blockName, blockFn, mode) {
  const state = currentFile();
  if (blockFn === undefined) throw new Error('Missing second argument. It must be a callback function.');
  if (typeof blockFn !== 'function') {
    throw new Error(`Invalid second argument, ${blockFn}. It must be a callback function.`);
  }
  const name = descriptorToString(blockName);
  if (state.running) {
    state.running.errors.push(new Error(`Cannot nest a describe inside a test. Describe block ` +
      `"${name}" cannot run because it is nested within "${state.running.name}".`));
    return;
  }
  const parent = state.current;
  const block = makeBlock(name, parent, mode || parent.mode);
  parent.children.push(block);
  state.current = block;
  let returned;
  try {
    returned = blockFn();
  } finally {
    state.current = parent;
  }
  finishDescribe(block, state);
  if (isPromise(returned)) {
    throw new Error('Returning a Promise from "describe" is not supported. ' +
      'Tests must be defined synchronously.');
  }
  if (returned !== undefined) throw new Error('A "describe" callback must not return a value.');
}

// Jest passes a block's mode to its tests, and notices `only` once a block is complete.
function finishDescribe(block, state) {
  const hasOnlyTest = block.children.some((child) => child.type === 'test' && child.mode === 'only');
  if (!(block.mode === 'only' && hasOnlyTest)) {
    for (const child of block.children) {
      if (child.type === 'test' && !child.mode) child.mode = block.mode;
    }
  }
  if (block.mode !== 'skip' &&
      block.children.some((child) => child.type === 'test' && child.mode === 'only')) {
    state.focused = true;
  }
}

function addTest(testName, fn, timeout, mode) {
  const state = currentFile();
  const name = descriptorToString(testName);
  if (fn === undefined) {
    throw new Error('Missing second argument. It must be a callback function. ' +
      'Perhaps you want to use `test.todo` for a test placeholder.');
  }
  if (typeof fn !== 'function') {
    throw new Error(`Invalid second argument, ${fn}. It must be a callback function.`);
  }
  if (state.running) {
    state.running.errors.push(new Error(`Tests cannot be nested. Test "${name}" cannot run ` +
      `because it is nested within "${state.running.name}".`));
    return;
  }
  if (state.started) {
    state.unhandledErrors.push(new Error('Cannot add a test after tests have started running. ' +
      'Tests must be defined synchronously.'));
    return;
  }
  if (state.current.mode !== 'skip' && mode === 'only') state.focused = true;
  state.current.children.push({type: 'test', name, fn, mode, timeout, parent: state.current, errors: []});
}

function addHook(fn, type, timeout) {
  const state = currentFile();
  if (typeof fn !== 'function') throw new Error('Invalid first argument. It must be a callback function.');
  if (state.running) {
    state.running.errors.push(new Error(`Hooks cannot be defined inside tests. Hook of type ` +
      `"${type}" is nested within "${state.running.name}".`));
    return;
  }
  if (state.started) {
    state.unhandledErrors.push(new Error('Cannot add a hook after tests have started running. ' +
      'Hooks must be defined synchronously.'));
    return;
  }
  state.current.hooks.push({type, fn, timeout});
}

// test.each / describe.each: a table of rows, or a tagged template with `$name` columns.

const PLACEHOLDER = /%[sdifjoOp]/;
const ESCAPED_PERCENT = '@@__PERCENT__@@';

function inspectShallow(value, nested = false) {
  if (typeof value === 'string') return nested ? `'${value}'` : value;
  if (typeof value === 'bigint') return `${value}n`;
  if (Object.is(value, -0)) return '-0';
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    if (nested) return '[Array]';
    return value.length ? `[ ${value.map((item) => inspectShallow(item, true)).join(', ')} ]` : '[]';
  }
  if (nested) return '[Object]';
  const entries = Object.entries(value).map(([key, item]) => `${key}: ${inspectShallow(item, true)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

function formatPlaceholder(placeholder, value) {
  const asNumber = (number) => (Object.is(number, -0) ? '-0' : String(number));
  switch (placeholder) {
    case '%p': return prettyFormat(value, {maxDepth: 1, min: true});
    case '%s': return inspectShallow(value);
    case '%d':
      if (typeof value === 'bigint') return `${value}n`;
      return typeof value === 'symbol' ? 'NaN' : asNumber(Number(value));
    case '%i':
      if (typeof value === 'bigint') return `${value}n`;
      return typeof value === 'symbol' ? 'NaN' : asNumber(parseInt(value, 10));
    case '%f': return typeof value === 'symbol' ? 'NaN' : asNumber(parseFloat(value));
    case '%j':
      try {
        return JSON.stringify(value);
      } catch {
        return '[Circular]';
      }
    default: return inspectShallow(value);
  }
}

function formatEachTitle(title, row, index) {
  let formatted = title.replace(/%%/g, ESCAPED_PERCENT).replace('%#', String(index))
    .replace('%$', String(index + 1));
  for (const value of row) {
    const match = formatted.match(PLACEHOLDER);
    if (!match) break;
    const shown = formatPlaceholder(match[0], value);
    const safe = typeof value === 'string' ? shown.replace(/%/g, ESCAPED_PERCENT) : shown;
    formatted = formatted.replace(match[0], () => safe);
  }
  return formatted.split(ESCAPED_PERCENT).join('%');
}

function interpolateVariables(title, template, index) {
  const keys = Object.keys(template).map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const replaced = keys.length === 0 ? title
    : title.replace(new RegExp(`\\$(${keys.join('|')})[.\\w]*`, 'g'), (match) => {
      let value = template;
      for (const part of match.slice(1).split('.')) {
        if (!part || value === null || value === undefined || !hasOwn(Object(value), part)) break;
        value = value[part];
      }
      return isPrimitive(value) ? String(value) : prettyFormat(value, {maxDepth: 1, min: true});
    });
  return replaced.replace('$#', String(index));
}

function eachRows(table, data, title) {
  if (data.length > 0) {
    const headings = table[0].replace(/\s/g, '').split('|');
    if (data.length % headings.length !== 0) {
      throw new Error(`Not enough arguments supplied for given headings:\n${headings.join(' | ')}\n\n` +
        `Received:\n${prettyFormat(data, {maxDepth: 1, min: true})}\n\n` +
        `Missing ${headings.length - (data.length % headings.length)} argument(s)`);
    }
    const rows = [];
    for (let i = 0; i < data.length; i += headings.length) {
      rows.push(Object.fromEntries(headings.map((heading, j) => [heading, data[i + j]])));
    }
    return rows.map((row, index) => ({title: interpolateVariables(title, row, index), args: [row]}));
  }
  if (!Array.isArray(table)) {
    throw new Error('`.each` must be called with an Array or Tagged Template Literal.\n\n' +
      `Instead was called with: ${prettyFormat(table, {maxDepth: 1, min: true})}\n`);
  }
  if (table.length === 0) throw new Error('`.each` called with an empty Array of table data.\n');
  const isTable = table.every(Array.isArray);
  const usesPlaceholders = /%[sdifjoOp#$]/.test(title.replace(/%%/g, ''));
  if (!usesPlaceholders && !isTable && table.every((row) => row != null && typeof row === 'object')) {
    return table.map((row, index) => ({
      title: interpolateVariables(title, row, index).replace(/%%/g, '%'), args: [row]}));
  }
  const rows = isTable ? table : table.map((value) => [value]);
  return rows.map((row, index) => ({title: formatEachTitle(title, row, index), args: row}));
}

function bindEach(register, supportsDone) {
  return (table, ...data) => (title, fn, timeout) => {
    for (const row of eachRows(table, data, descriptorToString(title))) {
      const callback = supportsDone && row.args.length < fn.length
        ? (done) => fn(...row.args, done) : () => fn(...row.args);
      register(row.title, callback, timeout);
    }
  };
}

/** Group tests under a name; blocks nest. */
export const describe = (name, fn) => addDescribe(name, fn);
describe.only = (name, fn) => addDescribe(name, fn, 'only');
describe.skip = (name, fn) => addDescribe(name, fn, 'skip');
describe.each = bindEach(describe, false);
describe.only.each = bindEach(describe.only, false);
describe.skip.each = bindEach(describe.skip, false);

/** One check: a name and a function (sync, async, or taking `done`), and an optional time limit. */
export const test = (name, fn, timeout) => addTest(name, fn, timeout);
test.only = (name, fn, timeout) => addTest(name, fn, timeout, 'only');
test.skip = (name, fn, timeout) => addTest(name, fn, timeout, 'skip');
test.todo = (name, ...rest) => {
  if (rest.length > 0 || typeof name !== 'string') {
    throw new Error('Todo must be called with only a description.');
  }
  addTest(name, () => {}, undefined, 'todo');
};
test.each = bindEach(test, true);
test.only.each = bindEach(test.only, true);
test.skip.each = bindEach(test.skip, true);
test.concurrent = test;

export const it = test;
export const xtest = test.skip;
export const xit = test.skip;
export const fit = test.only;
export const xdescribe = describe.skip;
export const fdescribe = describe.only;
export const beforeAll = (fn, timeout) => addHook(fn, 'beforeAll', timeout);
export const afterAll = (fn, timeout) => addHook(fn, 'afterAll', timeout);
export const beforeEach = (fn, timeout) => addHook(fn, 'beforeEach', timeout);
export const afterEach = (fn, timeout) => addHook(fn, 'afterEach', timeout);

// ---------------------------------------------------------------------------------------------
// Running tests

let abortRunning = null;

/** Fail whatever test or hook is running now (an uncaught error); false when none is. */
export function failRunningTest(error) {
  if (abortRunning === null) return false;
  abortRunning(error);
  return true;
}

function timeoutMessage(milliseconds, hookType, takesDone) {
  const what = hookType ? `A ${hookType} step` : 'This check';
  return `${what} took longer than ${milliseconds} ms.` +
    (takesDone ? ' It was still waiting for done() to be called.' : '');
}

// Call a test or hook function; resolves to {failed, error}. Never rejects.
function callWithTimeout(fn, context, timeout, hookType) {
  return new Promise((resolve) => {
    const takesDone = fn.length > 0;
    let finished = false;
    let timer = null;
    const finish = (failed, error) => {
      if (finished) return;
      finished = true;
      stopTimer(timer);
      if (abortRunning === abort) abortRunning = null;
      resolve({failed, error});
    };
    const abort = (error) => finish(true, error);
    abortRunning = abort;
    timer = startTimer(() => finish(true, new Error(timeoutMessage(timeout, hookType, takesDone))),
      timeout);
    if (takesDone) {
      let doneCalled = false;
      let returned;
      const done = (reason) => {
        if (doneCalled) {
          const error = new Error('Expected done to be called once, but it was called multiple times.' +
            (reason ? ` Reason: ${prettyFormat(reason, {maxDepth: 3})}` : ''));
          finish(true, error);
          throw error;
        }
        doneCalled = true;
        Promise.resolve().then(() => {
          if (returned !== undefined) {
            finish(true, new Error("Test functions cannot both take a 'done' callback and return " +
              "something. Either use a 'done' callback, or return a promise.\n" +
              `Returned value: ${prettyFormat(returned, {maxDepth: 3})}`));
          } else if (!reason) {
            finish(false, null);
          } else {
            finish(true, isErrorValue(reason) ? reason
              : new Error(`Failed: ${prettyFormat(reason, {maxDepth: 3})}`));
          }
        });
      };
      try {
        returned = fn.call(context, done);
      } catch (error) {
        finish(true, error);
      }
      return;
    }
    let returned;
    try {
      returned = fn.call(context);
    } catch (error) {
      finish(true, error);
      return;
    }
    if (isPromise(returned)) {
      returned.then(() => finish(false, null), (error) => finish(true, error));
    } else if (!hookType && returned !== undefined) {
      finish(true, new Error('test functions can only return Promise or undefined. ' +
        `Returned value: ${prettyFormat(returned, {maxDepth: 3})}`));
    } else {
      finish(false, null);
    }
  });
}

function blockNames(node) {
  const names = [];
  for (let current = node; current && current.parent; current = current.parent) {
    names.unshift(current.name);
  }
  return names;
}

function hasEnabledTest(block, state) {
  return block.children.some((child) => (child.type === 'describe' ? hasEnabledTest(child, state)
    : !(child.mode === 'skip' || (state.focused && child.mode !== 'only'))));
}

function addErrorToEachTest(block, error) {
  for (const child of block.children) {
    if (child.type === 'describe') addErrorToEachTest(child, error);
    else child.errors.push(error);
  }
}

function eachHooks(testEntry) {
  const before = [];
  const after = [];
  for (let block = testEntry.parent; block; block = block.parent) {
    before.unshift(...block.hooks.filter((hook) => hook.type === 'beforeEach'));
    after.push(...block.hooks.filter((hook) => hook.type === 'afterEach'));
  }
  return {before, after};
}

/** The text Jest shows for a test's error: the message of an assertion, else name and message. */
export function describeErrorPlainly(error) {
  if (error && (typeof error.stack === 'string' || error.message)) {
    if (error.matcherResult || error.name === 'Error' || !error.name) return String(error.message);
    return `${error.name}: ${error.message}`;
  }
  return `thrown: ${prettyFormat(error, {maxDepth: 3})}`;
}

async function runTest(testEntry, parentSkipped, state, results, describeError) {
  const names = blockNames(testEntry);
  const result = {name: names.join(' › '), status: 'skipped', message: '', duration_ms: 0};
  results.push(result);
  if (parentSkipped || testEntry.mode === 'skip' || (state.focused && testEntry.mode === undefined) ||
      testEntry.mode === 'todo') {
    if (testEntry.mode === 'todo') result.message = 'Not written yet (todo).';
    return;
  }
  resetAssertionState();
  expectState.currentTestName = names.join(' ');
  state.running = testEntry;
  const started = now();
  const context = Object.create(null);
  const {before, after} = eachHooks(testEntry);
  const timeoutFor = (entry) => entry.timeout || state.testTimeout;
  for (const hook of before) {
    if (testEntry.errors.length) break;
    const {failed, error} = await callWithTimeout(hook.fn, context, timeoutFor(hook), hook.type);
    if (failed) testEntry.errors.push(error);
  }
  if (!testEntry.errors.length) {
    const {failed, error} = await callWithTimeout(testEntry.fn, context, timeoutFor(testEntry), null);
    if (failed) testEntry.errors.push(error);
  }
  for (const hook of after) {
    const {failed, error} = await callWithTimeout(hook.fn, context, timeoutFor(hook), hook.type);
    if (failed) testEntry.errors.push(error);
  }
  state.running = null;
  testEntry.errors.push(...assertionCountErrors());
  result.duration_ms = Math.round((now() - started) * 10) / 10;
  if (testEntry.errors.length) {
    result.status = 'failed';
    result.message = testEntry.errors.map((error) => describeError(error)).join('\n\n');
  } else {
    result.status = 'passed';
  }
}

async function runBlock(block, state, results, describeError) {
  const skipped = block.mode === 'skip';
  const enabled = hasEnabledTest(block, state);
  const hooksOf = (type) => (enabled && !skipped ? block.hooks.filter((hook) => hook.type === type) : []);
  for (const hook of hooksOf('beforeAll')) {
    const {failed, error} = await callWithTimeout(hook.fn, {}, hook.timeout || state.testTimeout, 'beforeAll');
    if (failed) addErrorToEachTest(block, error);
  }
  for (const child of block.children) {
    if (child.type === 'describe') await runBlock(child, state, results, describeError);
    else await runTest(child, skipped, state, results, describeError);
  }
  for (const hook of hooksOf('afterAll')) {
    const {failed, error} = await callWithTimeout(hook.fn, {}, hook.timeout || state.testTimeout, 'afterAll');
    if (failed) state.unhandledErrors.push(error);
  }
}

/**
 * Run the tests collected since startFile(), one at a time, in order. Resolves to
 * [{name, status: "passed" | "failed" | "skipped", message, duration_ms}]; never rejects.
 */
export async function runCollectedTests({describeError = describeErrorPlainly} = {}) {
  const state = currentFile();
  state.started = true;
  const results = [];
  await runBlock(state.root, state, results, describeError);
  if (state.unhandledErrors.length) {
    results.push({name: 'The checks finish cleanly', status: 'failed', duration_ms: 0,
      message: state.unhandledErrors.map((error) => describeError(error)).join('\n\n')});
  }
  return results;
}
