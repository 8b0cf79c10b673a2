import '../../../core/i18n/rotationMessages.ts'
import '../../../core/i18n/nurseMessages.ts'
import type { HandlerTable } from '../handlerTable.ts'
import { appointmentHandlers } from './appointments.ts'
import { auditHandlers } from './audit.ts'
import { backupHandlers } from './backups.ts'
import { cardHandlers } from './cards.ts'
import { clientHandlers } from './clients.ts'
import { complaintHandlers } from './complaints.ts'
import { consentHandlers } from './consents.ts'
import { photoHandlers } from './photos.ts'
import { consultationHandlers } from './consultations.ts'
import { feeHandlers } from './fees.ts'
import { followUpHandlers } from './followUps.ts'
import { partnerHandlers } from './partners.ts'
import { priceHandlers } from './prices.ts'
import { rebateHandlers } from './rebates.ts'
import { printHandlers } from './print.ts'
import { queueHandlers } from './queue.ts'
import { reportHandlers } from './reports.ts'
import { rotationHandlers } from './rotation.ts'
import { visitHandlers } from './visits.ts'
import { assistanceHandlers } from './visitAssistance.ts'
import { sessionHandlers } from './session.ts'
import { settingsHandlers } from './settings.ts'
import { setupHandlers } from './setup.ts'
import { staffHandlers } from './staff.ts'
import { storedValueHandlers } from './storedValue.ts'
import { systemHandlers } from './system.ts'

export const handlers: HandlerTable = {
  ...systemHandlers,
  ...sessionHandlers,
  ...setupHandlers,
  ...staffHandlers,
  ...settingsHandlers,
  ...clientHandlers,
  ...visitHandlers,
  ...assistanceHandlers,
  ...rotationHandlers,
  ...reportHandlers,
  ...queueHandlers,
  ...priceHandlers,
  ...printHandlers,
  ...consultationHandlers,
  ...feeHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...appointmentHandlers,
  ...followUpHandlers,
  ...partnerHandlers,
  ...rebateHandlers,
  ...cardHandlers,
  ...complaintHandlers,
  ...consentHandlers,
  ...photoHandlers,
  ...storedValueHandlers,
}
