// A small project for `make demo`: esbuild bundles it, once as the FreeBSD
// build under xeno and once as the Linux build, and the two results are shown.
import { greet } from "./greet.js";
import { primes } from "./primes.js";

console.log(greet("FreeBSD on Linux"));
console.log("first primes:", primes(30).join(", "));
