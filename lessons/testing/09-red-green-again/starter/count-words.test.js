import { countWords } from './count-words.js';

// TODO: write a test that fails because of the bug. Then fix count-words.js.
