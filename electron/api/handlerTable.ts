import type { MethodName, MethodResult, ParsedInput } from '../../core/api/contract.ts'
import type { HandlerContext } from './context.ts'

export type Handler<M extends MethodName> = (ctx: HandlerContext, input: ParsedInput<M>) => MethodResult<M>
export type HandlerTable = { [M in MethodName]: Handler<M> }
export type PartialHandlerTable<K extends MethodName> = { [M in K]: Handler<M> }
