import { addErrorMessages } from './errorMessages.ts'

/** The refusals of the hand-over to the doctor board (electron/api/handlers/rotationDoctor.ts). */
addErrorMessages({
  'zh-CN': {
    'doctor.boardNotOpen': '今天的医生轮牌还没有开牌，请先在“医生轮牌”开牌',
    'doctor.noneFree': '没有空闲的医生（或没有擅长该项目的空闲医生），请稍后再请',
    'doctor.notConsulting': '{queueNo} 不在咨询中（现在是“{status}”），咨询中才能请医生',
    'doctor.alreadyWith': '{queueNo} 正在由 {name} 专家面诊',
    'doctor.alreadySeen': '{queueNo} 今天已由 {name} 面诊过，同一天不能再按轮牌请医生',
  },
  'en-US': {
    'doctor.boardNotOpen': "Today's doctor board is not open yet; open it under “Doctor board” first",
    'doctor.noneFree': 'No doctor is free (or none free for this category); ask again later',
    'doctor.notConsulting': '{queueNo} is not in consultation (it is “{status}”); a doctor is asked during the consultation',
    'doctor.alreadyWith': '{queueNo} is with {name} already',
    'doctor.alreadySeen': '{queueNo} was seen by {name} today already; the board gives a client one doctor a day',
  },
})
