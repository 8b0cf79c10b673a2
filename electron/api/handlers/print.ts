import '../../../core/i18n/printMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { HandlerContext, HostCapabilities } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

function requireHost(ctx: HandlerContext): HostCapabilities {
  if (!ctx.host) throw new DomainError('rule_violation', 'print.unavailable')
  return ctx.host
}

/** Printing belongs to the host (Electron); these handlers only check what is asked and hand it over. */
export const printHandlers: PartialHandlerTable<'print.printers' | 'print.toPrinter' | 'print.toPdf'> = {
  'print.printers': async (ctx) => (ctx.host ? ctx.host.printers() : []),

  'print.toPrinter': async (ctx, job) => {
    const host = requireHost(ctx)
    if (job.printerName !== undefined) {
      const known = await host.printers()
      if (!known.some((p) => p.name === job.printerName)) throw new DomainError('not_found', 'print.noPrinter', { name: job.printerName }, 'printerName')
    }
    return host.print(job)
  },

  'print.toPdf': async (ctx, job) => requireHost(ctx).savePdf(job),
}
