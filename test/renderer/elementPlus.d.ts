/**
 * Why the renderer tests mock 'element-plus' with its bundled build (`vi.mock('element-plus', () =>
 * import('element-plus/dist/index.full.mjs'))` at the top of each file):
 * vitest runs node_modules' ES modules in plain Node, where Element Plus's `import AsyncValidator from
 * 'async-validator'` gets the CommonJS exports object instead of the class. Form validation then throws,
 * and ElForm.validate() wrongly resolves true. The bundle has async-validator inlined. (Setting
 * `test.server.deps.inline: ['element-plus']` in vitest.config.ts would fix it for all files instead.)
 */
declare module 'element-plus/dist/index.full.mjs' {
  export * from 'element-plus'
  export { default } from 'element-plus'
}
