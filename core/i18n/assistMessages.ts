import { addErrorMessages } from './errorMessages.ts'

/** Messages of the refusals of assistance (协助过单, electron/api/handlers/visitAssistance.ts). */
addErrorMessages({
  'zh-CN': {
    'error.assistNotPartner': '{queueNo} 不是报备店家顾客的初诊，不能请主管协助过单',
    'error.assistNotConsulted': '{queueNo} 还没有开始咨询，咨询中或未成交后才能请主管协助',
    'error.assistAfterDeal': '{queueNo} 已成交，不需要协助过单',
    'error.assistNoSupervisor': '还没有设置咨询主管，请管理员在“设置 → 轮牌”中选择',
    'error.assistSupervisorNotConsultant': '设置的咨询主管（编号 {id}）不是在职咨询师，请管理员在“设置 → 轮牌”中重新选择',
    'error.assistSelf': '{name} 就是这位顾客的咨询师，不能请自己协助',
    'error.assistAlready': '{queueNo} 已由 {name} 协助过单',
    'error.supervisorNotConsultant': '咨询主管须是在职咨询师（编号 {id} 不是）',
  },
  'en-US': {
    'error.assistNotPartner': '{queueNo} is not the first visit of a partner store’s reported client; assistance is only for those',
    'error.assistNotConsulted': '{queueNo} has not been consulted yet; ask for assistance during the consultation or after a no-deal',
    'error.assistAfterDeal': '{queueNo} already ended in a deal; no assistance is needed',
    'error.assistNoSupervisor': 'No consultation supervisor is set; an administrator chooses one in Settings → Rotation',
    'error.assistSupervisorNotConsultant': 'The consultation supervisor set (id {id}) is not an active consultant; an administrator chooses again in Settings → Rotation',
    'error.assistSelf': '{name} is this client’s own consultant and cannot assist themselves',
    'error.assistAlready': '{queueNo} was already assisted by {name}',
    'error.supervisorNotConsultant': 'The consultation supervisor must be an active consultant (id {id} is not)',
  },
})
