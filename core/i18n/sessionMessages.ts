import { addErrorMessages } from './errorMessages.ts'

/** Messages of sign-in, operators and the first-run setup. */
addErrorMessages({
  'zh-CN': {
    'error.unauthenticated': '请先登录（本台已锁定或尚未登录）',
    'session.setupDone': '本诊所已完成初始设置，请直接登录',
    'session.setupFirst': '请先完成初始设置：诊所名称和第一位管理员',
    'session.demoNeedsEmpty': '数据库中已有员工或客户，不能载入演示数据',
    'session.cannotSignIn': '该员工不能登录（已停用或未设置 PIN）',
    'session.wrongPin': '当前 PIN 不正确，未做更改',
    'session.noStaffRecord': '此操作员没有员工档案，不能修改 PIN',
    'session.lastAdministrator': '必须至少保留一名可以登录的管理员（在职并已设置 PIN）',
    'validation.pin': 'PIN 为 4～12 位数字',
    'validation.pinRepeat': '两次输入的 PIN 不一致',
  },
  'en-US': {
    'error.unauthenticated': 'Please sign in first (this desk is locked or nobody is signed in)',
    'session.setupDone': 'This clinic is already set up; please sign in',
    'session.setupFirst': 'Finish the first-run setup first: the clinic name and the first administrator',
    'session.demoNeedsEmpty': 'The database already holds staff or clients; the demo cannot be loaded',
    'session.cannotSignIn': 'This staff member cannot sign in (inactive, or no PIN set)',
    'session.wrongPin': 'The current PIN is wrong; nothing was changed',
    'session.noStaffRecord': 'This operator has no staff record, so no PIN to change',
    'session.lastAdministrator': 'At least one administrator who can sign in (active, with a PIN) must remain',
    'validation.pin': 'A PIN is 4 to 12 digits',
    'validation.pinRepeat': 'The two PINs differ',
  },
})
