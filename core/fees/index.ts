export * from './types.ts'
export * from './errors.ts'
export * from './compute.ts'
export * from './schema.ts'
