import type { MethodName, MethodResult, ParsedInput } from '../../core/api/contract.ts'
import type { HandlerContext } from './context.ts'

/** Writes return their result synchronously (inside the transaction); reads may return a promise. */
export type Handler<M extends MethodName> = (ctx: HandlerContext, input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>
export type HandlerTable = { [M in MethodName]: Handler<M> }
export type PartialHandlerTable<K extends MethodName> = { [M in K]: Handler<M> }
