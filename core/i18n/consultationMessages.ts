import { addErrorMessages } from './errorMessages.ts'

/** Messages of the consultation sheet's refusals and print checks. */
addErrorMessages({
  'zh-CN': {
    'consultation.notFound': '找不到该咨询单（编号 {id}）',
    'consultation.changed': '咨询单 {sheetNo} 已在其他窗口修改，请载入最新内容后再改',
    'consultation.frozen': '咨询单 {sheetNo} 第 {version} 版已打印，不能再修改；请建新版本',
    'consultation.notPrinted': '咨询单 {sheetNo} 第 {version} 版还没有打印，可直接修改',
    'consultation.notLatest': '咨询单 {sheetNo} 已有第 {latest} 版，只能从最新版本建新版本',
    'consultation.doctorNotFound': '找不到在职的医生（编号 {id}）',
    'validation.gender': '请选择性别',
    'validation.planLineName': '请填写项目名称',
  },
  'en-US': {
    'consultation.notFound': 'Consultation sheet not found (id {id})',
    'consultation.changed': 'Sheet {sheetNo} was changed in another window; load the latest before editing',
    'consultation.frozen': 'Sheet {sheetNo} version {version} is printed and cannot change; make a new version',
    'consultation.notPrinted': 'Sheet {sheetNo} version {version} is not printed yet; edit it directly',
    'consultation.notLatest': 'Sheet {sheetNo} already has version {latest}; a new version starts from the latest',
    'consultation.doctorNotFound': 'No active doctor with id {id}',
    'validation.gender': 'Choose a gender',
    'validation.planLineName': 'Give the item a name',
  },
})
