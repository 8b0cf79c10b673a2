import { sessionZh } from './session.zh-CN.ts'
import { VISIT_LABELS } from '../../../core/i18n/visitLabels.ts'
import { consultationZh } from './consultation.zh-CN.ts'
import { deskZh } from './desk.zh-CN.ts'
import { pricesZh } from './prices.zh-CN.ts'
import { printZh } from './print.zh-CN.ts'
import { feesZh } from './fees.zh-CN.ts'
import { backupsZh } from './backups.zh-CN.ts'
import { auditZh } from './audit.zh-CN.ts'
import { displayZh } from './display.zh-CN.ts'
import { callingZh, policiesZh, ticketZh } from './policies.zh-CN.ts'
import { reportsZh } from './reports.zh-CN.ts'
import { statementsZh } from './statements.zh-CN.ts'
import { marketingZh } from './marketing.zh-CN.ts'
import { rebateRatesZh } from './rebateRates.zh-CN.ts'
import { appointmentsZh, followUpsZh, serviceFiguresZh } from './appointments.zh-CN.ts'
import { cardsZh } from './cards.zh-CN.ts'
import { complaintsZh } from './complaints.zh-CN.ts'
import { photosZh } from './photos.zh-CN.ts'
import { consentZh } from './consent.zh-CN.ts'
import { storedValueZh } from './storedValue.zh-CN.ts'

/** Chinese (zh-CN): the source of truth for the message keys; en-US must have the same shape. */
const zhCN = {
  app: {
    title: '医美前台',
    previewTag: '网页预览 · 非正式产品',
    previewHint: '这是测试用的网页预览，不是正式产品，数据仅供测试。',
  },
  nav: {
    label: '主导航',
    frontDesk: '前台',
    appointments: '预约',
    staff: '员工',
    priceList: '价目表',
    reports: '报表',
    statements: '返款对账',
    marketing: '市场部',
    backups: '备份',
    audit: '审计日志',
    settings: '设置',
  },
  header: {
    language: '界面语言',
    now: '当前时间',
  },
  languages: {
    'zh-CN': '中文',
    'en-US': 'English',
  },
  common: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    edit: '编辑',
    add: '添加',
    all: '全部',
    actions: '操作',
    yes: '是',
    no: '否',
    loading: '加载中…',
    saving: '保存中…',
  },
  errors: {
    notConnectedTitle: '未连接到前台服务',
    notConnectedBody: '本界面无法与前台服务通信，所以无法读取或保存任何数据。请关闭后重新打开本程序；若仍出现此页面，请联系管理员。',
    notConnected: '未连接到前台服务，操作未执行',
    transport: '与前台服务通信失败，操作可能未执行，请重试',
    unexpected: '发生意外错误，请重试',
  },
  roles: {
    consultant: '咨询师',
    doctor: '医生',
    nurse: '护士',
    receptionist: '前台',
    marketing: '市场部业务员',
    administrator: '管理员',
  },
  categories: {
    skin: '皮肤',
    injection: '注射',
    laser: '激光',
    surgery: '手术',
    body: '形体',
    dental: '口腔',
    hair: '毛发',
  },
  staff: {
    title: '员工',
    subtitle: '管理咨询师、医生、护士与前台人员。停用的员工不参与轮牌，但历史记录仍保留。',
    add: '添加员工',
    addShortcut: '添加员工（快捷键 Alt+N）',
    filterRole: '按岗位筛选',
    allRoles: '全部岗位',
    showInactive: '显示已停用',
    tableCaption: '员工列表',
    empty: '暂无员工',
    emptyFiltered: '没有符合条件的员工',
    count: '共 {n} 人',
    columns: {
      name: '姓名',
      role: '岗位',
      phone: '电话',
      room: '诊室',
      skills: '擅长项目',
      status: '状态',
    },
    noLimit: '不限',
    active: '在职',
    inactive: '已停用',
    deactivate: '停用',
    reactivate: '启用',
    editNamed: '编辑 {name}',
    deactivateNamed: '停用 {name}',
    reactivateNamed: '启用 {name}',
    dialog: {
      createTitle: '添加员工',
      editTitle: '编辑员工',
      name: '姓名',
      role: '岗位',
      phone: '电话',
      room: '诊室',
      skills: '擅长项目',
      namePlaceholder: '如：王丽',
      phonePlaceholder: '如 13812345678 或 021-61234567',
      roomPlaceholder: '如：咨询室 2',
      skillsPlaceholder: '不选表示不限项目',
      skillsHint: '用于轮牌按项目分配；不选表示可接待所有项目。',
      keysHint: 'Enter 保存，Esc 关闭',
    },
    confirm: {
      deactivateTitle: '停用员工',
      deactivateBody: '确定停用“{name}”吗？停用后不再参与轮牌和新的分配。员工不会被删除：历史到店、咨询单和收费记录仍会引用此人，随时可以重新启用。',
      reactivateTitle: '启用员工',
      reactivateBody: '确定重新启用“{name}”吗？',
    },
    created: '已添加员工“{name}”',
    updated: '已保存“{name}”的资料',
    deactivated: '已停用“{name}”',
    reactivated: '已启用“{name}”',
  },
  settings: {
    title: '设置',
    subtitle: '诊所信息、排队号码前缀、界面语言、轮牌规则、候诊提醒与叫号、二次确认话术与回访计划、安全与更新。每张卡片分别保存。',
    clinicSection: '诊所信息',
    clinicName: '诊所名称',
    clinicAddress: '地址',
    clinicPhone: '电话',
    clinicNamePlaceholder: '显示在页头、候诊屏和打印单据上',
    prefixSection: '排队号码前缀',
    prefixHint: '号码形如 A001，每天从 001 开始。三种就诊类型的前缀须各不相同。',
    prefixFirst: '初诊',
    prefixReturning: '复诊',
    prefixReview: '复查 / 治疗',
    languageSection: '界面语言',
    languageHint: '切换后立即生效并自动保存。',
    saved: '设置已保存',
    languageSaved: '界面语言已切换为中文',
    securitySection: '安全与更新',
    idleLockMinutes: '无操作自动锁定（分钟）',
    idleLockHint: '键盘和鼠标在这段时间内都没有操作时，前台自动锁定，需要重新登录才能继续（1～240 分钟）。',
    updatesEnabled: '自动更新',
    updatesHint: '默认关闭：许多诊所不联网。开启后，程序每隔几小时检查一次更新服务器，在后台下载新版本，只在退出程序时安装，工作中绝不会重启。',
    updateUrl: '更新服务器地址',
    updateUrlPlaceholder: 'https://updates.example.com/clinic-front-desk/',
    updateUrlHint: '存放 latest.yml 和安装包的网址，须以 https:// 开头（仅本机测试可用 http://localhost）。由诊所的 IT 人员提供。',
    updateUrlInvalid: '请填写以 https:// 开头的更新服务器地址（本机测试可用 http://localhost）；开启自动更新时必填',
  },
  validation: {
    nameRequired: '请输入姓名',
    roleRequired: '请选择岗位',
    phone: '请输入正确的手机号（11 位）或座机号（如 021-61234567）',
    clinicNameRequired: '请输入诊所名称',
    clinicPhone: '电话只能包含数字、空格和 + - ( )',
    tooLong: '最多 {max} 个字符',
    prefixRequired: '请输入前缀',
    prefixFormat: '前缀为 1～2 个大写字母',
    prefixesDistinct: '三种就诊类型的号码前缀不能相同',
    fixErrors: '请先修正标红的项目',
  },
  visit: VISIT_LABELS['zh-CN'],
  desk: deskZh,
  reports: reportsZh,
  statements: statementsZh,
  marketing: marketingZh,
  rebateRates: rebateRatesZh,
  appointments: appointmentsZh,
  followUps: followUpsZh,
  serviceFigures: serviceFiguresZh,
  queueDisplay: displayZh,
  policies: policiesZh,
  ticket: ticketZh,
  calling: callingZh,
  prices: pricesZh,
  consultation: consultationZh,
  print: printZh,
  fees: feesZh,
  backups: backupsZh,
  audit: auditZh,
  session: sessionZh,
  cards: cardsZh,
  complaints: complaintsZh,
  photos: photosZh,
  consent: consentZh,
  storedValue: storedValueZh,
}

export default zhCN
export type MessageSchema = typeof zhCN
