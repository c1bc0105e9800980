// Node 20's test runner, given the folder e2e/, runs only files named like *.test.mjs: this one brings in the
// browser test, console.e2e.mjs.
import './console.e2e.mjs';
