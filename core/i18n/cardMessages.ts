import { addErrorMessages } from './errorMessages.ts'

/** Messages of the treatment cards' and deductions' refusals (electron/api/handlers/cards.ts, cardBooking.ts). */
addErrorMessages({
  'zh-CN': {
    'error.cardNotFound': '找不到该疗程卡（编号 {id}）',
    'error.cardClientNotFound': '找不到该顾客（编号 {id}）',
    'error.cardChanged': '疗程卡 {name} 刚被其他窗口修改（现剩 {left} 次），请看最新次数后再划扣',
    'error.cardVoid': '疗程卡 {name} 已作废，不能划扣',
    'error.cardUsedUp': '疗程卡 {name} 的 {bought} 次已用完，不能再划扣',
    'error.cardExpired': '疗程卡 {name} 已于 {date} 过期，不能再划扣',
    'error.cardNurseInvalid': '找不到在职的护士（编号 {id}），划扣须写明做治疗的护士',
    'error.cardDoctorInvalid': '找不到在职的医生（编号 {id}）',
    'error.cardAssistantInvalid': '找不到在职的护士或医生（编号 {id}）作助手',
    'error.cardAssistantIsDoctor': '{name} 已是主治医生，助手请选另一位',
    'error.cardDeductionNotFound': '找不到该划扣记录（编号 {id}）',
    'error.cardDeductionUndone': '疗程卡 {name} 的第 {no} 次划扣已于 {at} 由 {by} 撤销，不能重复撤销',
    'error.cardUsedNoVoid': '疗程卡 {name} 已划扣 {used} 次，请先撤销划扣再作废',
    'error.cardsUsedNoVoid': '疗程卡 {name} 已划扣 {used} 次（另有 {others} 张疗程卡已划扣），请先撤销划扣再作废',
  },
  'en-US': {
    'error.cardNotFound': 'Treatment card not found (id {id})',
    'error.cardClientNotFound': 'Client not found (id {id})',
    'error.cardChanged': 'The treatment card {name} was just changed in another window ({left} sessions left now); look at it again before deducting',
    'error.cardVoid': 'The treatment card {name} is void; no session can be deducted',
    'error.cardUsedUp': 'All {bought} sessions of the treatment card {name} are used; no more can be deducted',
    'error.cardExpired': 'The treatment card {name} expired on {date}; no more sessions can be deducted',
    'error.cardNurseInvalid': 'No active nurse with id {id}; a deduction names the nurse who gave the treatment',
    'error.cardDoctorInvalid': 'No active doctor with id {id}',
    'error.cardAssistantInvalid': 'No active nurse or doctor with id {id} to assist',
    'error.cardAssistantIsDoctor': '{name} is already the attending doctor; choose someone else as the assistant',
    'error.cardDeductionNotFound': 'Deduction not found (id {id})',
    'error.cardDeductionUndone': 'Session {no} of the treatment card {name} was already undone by {by} at {at}',
    'error.cardUsedNoVoid': '{used} sessions of the treatment card {name} are used; undo those deductions before voiding the sheet',
    'error.cardsUsedNoVoid': '{used} sessions of the treatment card {name} are used (and sessions of {others} more cards); undo those deductions before voiding the sheet',
  },
})
