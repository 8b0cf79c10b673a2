import { addErrorMessages } from './errorMessages.ts'

/** The refusals of the hand-over to the nurse board (electron/api/handlers/rotationNurse.ts). */
addErrorMessages({
  'zh-CN': {
    'nurse.boardNotOpen': '今天的护士轮牌还没有开牌，请先在“护士轮牌”开牌',
    'nurse.noneFree': '没有空闲的护士（或没有擅长该项目的空闲护士），请稍后再交',
    'nurse.notPaid': '{queueNo} 还没有已缴费的缴费单，缴费后才能交给护士',
    'nurse.visitClosed': '{queueNo} 已离院或已取消，不能交给护士',
    'nurse.alreadyHanded': '{queueNo} 已交给护士 {name}',
  },
  'en-US': {
    'nurse.boardNotOpen': "Today's nurse board is not open yet; open it under “Nurse board” first",
    'nurse.noneFree': 'No nurse is free (or none free for this category); hand over later',
    'nurse.notPaid': '{queueNo} has no paid fee sheet; hand over after payment',
    'nurse.visitClosed': '{queueNo} has left or was cancelled and cannot be handed to a nurse',
    'nurse.alreadyHanded': '{queueNo} was already handed to nurse {name}',
  },
})
