export function primes(limit) {
  const sieve = new Array(limit + 1).fill(true);
  const found = [];
  for (let n = 2; n <= limit; n++) {
    if (!sieve[n]) continue;
    found.push(n);
    for (let m = n * n; m <= limit; m += n) sieve[m] = false;
  }
  return found;
}
