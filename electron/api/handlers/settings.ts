import '../../../core/i18n/assistMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { clinicSettingsSchema } from '../../../core/domain/settings.ts'
import { activeStaffOfRole } from '../../../db/partners.ts'
import { readSettings, writeSettings } from '../../../db/settings.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

export const settingsHandlers: PartialHandlerTable<'settings.get' | 'settings.update' | 'settings.setLanguage'> = {
  'settings.get': (ctx) => readSettings(ctx.db),

  'settings.update': (ctx, patch) => {
    // The whole result is validated too, so a patch can never combine into an invalid set (e.g. equal prefixes).
    const next = clinicSettingsSchema.parse({ ...readSettings(ctx.db), ...patch })
    const supervisorId = patch.consultationSupervisorId
    if (typeof supervisorId === 'number' && !activeStaffOfRole(ctx.db, supervisorId, 'consultant')) {
      throw new DomainError('invalid_input', 'error.supervisorNotConsultant', { id: supervisorId }, 'consultationSupervisorId')
    }
    writeSettings(ctx.db, patch, ctx.now())
    ctx.audit(`修改设置：${Object.keys(patch).join(', ')}`)
    ctx.emit({ topic: 'settings' })
    return next
  },

  'settings.setLanguage': (ctx, { language }) => {
    writeSettings(ctx.db, { language }, ctx.now())
    ctx.audit(`切换界面语言：${language}`)
    ctx.emit({ topic: 'settings' })
    return readSettings(ctx.db)
  },
}
