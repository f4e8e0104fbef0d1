import { greet } from './greet.js';

// TODO: write a test for greet(). Use expect and toBe.
