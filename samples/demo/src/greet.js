export function greet(who) {
  return `Hello from ${who}, bundled by esbuild!`;
}
