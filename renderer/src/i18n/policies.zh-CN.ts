/** Messages of the settings cards for rotation policies, waiting alerts, archive numbers and calling. */
export const policiesZh = {
  rotationSection: '轮牌规则',
  rotationHint: '规则对今天之后的每一次分配生效；已分配的记录不受影响。',
  rotationMode: '轮流方式',
  modeOrder: '严格按顺序',
  modeFewest: '今日接待最少者优先',
  openMode: '开牌顺序',
  openSignIn: '按签到顺序',
  openContinue: '接上一工作日（上次最后接待者的下一位开始）',
  designatedCounts: '指定咨询师的顾客也算一轮（移到队尾）',
  returningCounts: '复诊回归属咨询师也算一轮',
  manualCounts: '手动分配初诊顾客算一轮',
  partnerCounts: 'A类店家客户分给维护咨询师也算一轮',
  ownerAbsent: '归属咨询师（或A类店家的维护咨询师）今天不在时',
  ownerRotation: '按轮牌分配',
  ownerWait: '等归属咨询师',
  waitSection: '候诊提醒与档案号',
  waitMinutes: '候诊超过（分钟）标红',
  waitCount: '候诊人数超过（人）提醒',
  archiveTemplate: '档案号格式',
  archiveHint: '{y4} 年、{y2} 两位年、{m} 月、{d} 日、{seq} 五位流水号（不会重复）。示例：{example}',
  callSection: '叫号与小票',
  callTemplate: '叫号语句',
  callTemplateNoRoom: '叫号语句（无诊室时）',
  callTemplateHint: '{pNumber} 排队号、{pName} 遮挡后的姓名、{pConsultant} 咨询师、{pRoom} 诊室。',
  callVoice: '语音',
  callVoiceAuto: '自动选择中文语音',
  callVoiceNone: '本机没有中文语音：叫号时只播放提示音',
  callVolume: '音量',
  callRepeat: '播报次数',
  callTry: '试听',
  trySentence: '请 A012 号 张*丽 到 3 号咨询室',
  ticketPaper: '小票纸张',
  ticket80: '80 mm 热敏纸',
  ticketA6: 'A6',
  printTicket: '登记后自动打印排队小票',
}

/** The printed queue ticket and the desk's calling controls. */
export const ticketZh = {
  number: '您的排队号',
  ahead: '前面还有 {n} 位',
  note: '请留意候诊屏与叫号广播，过号请到前台',
  print: '打印小票',
  printShortcut: '打印排队小票（Alt+P）',
}

export const callingZh = {
  openDisplay: '打开候诊屏',
  closeDisplay: '关闭候诊屏',
  displayTitle: '在候诊室屏幕上显示叫号（有第二块屏幕时全屏显示在上面）',
  noChineseVoice: '本机没有安装中文语音：叫号时候诊屏只播放提示音。可在系统设置中安装中文（简体）语音。',
}
