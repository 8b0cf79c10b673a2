import type Database from 'better-sqlite3'

/**
 * Branded handles (after Signal Desktop): a function that takes a ReadableDb promises not to write,
 * and only the main process's one writer connection is a WritableDb.
 */
export type ReadableDb = Database.Database & { readonly __readableDb: unique symbol }
export type WritableDb = ReadableDb & { readonly __writableDb: unique symbol }
