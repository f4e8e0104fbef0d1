/*
 * The `@jest/globals` module, so that a test file can say
 *   import { describe, expect, test } from '@jest/globals';
 * and get the same functions Jest would give it.
 */

export {
  afterAll, afterEach, beforeAll, beforeEach, describe, expect, fdescribe, fit, it, jest, test,
  xdescribe, xit, xtest,
} from './jest.js';
