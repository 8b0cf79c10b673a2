import type { callingZh, policiesZh, ticketZh } from './policies.zh-CN.ts'

export const policiesEn: typeof policiesZh = {
  rotationSection: 'Rotation rules',
  rotationHint: 'Rules apply to every assignment from now on; past assignments are not changed.',
  rotationMode: 'Rotation',
  modeOrder: 'Strictly in order',
  modeFewest: 'Fewest clients today first',
  openMode: 'Opening order',
  openSignIn: 'Sign-in order',
  openContinue: 'Continue from the previous working day (after whoever took the last turn)',
  designatedCounts: 'A designated client also counts as a turn (goes to the back)',
  returningCounts: 'A returning client to their own consultant counts as a turn',
  manualCounts: 'A manual assignment of a first visit counts as a turn',
  partnerCounts: "An A-class partner store's client to its consultant uses that consultant's turn",
  ownerAbsent: "When the own consultant (or an A-class store's consultant) is not in today",
  ownerRotation: 'Assign by rotation',
  ownerWait: 'Wait for them',
  waitSection: 'Waiting alerts and archive numbers',
  waitMinutes: 'Flag waits longer than (minutes)',
  waitCount: 'Alert when more than (clients) wait',
  archiveTemplate: 'Archive number format',
  archiveHint: '{y4} year, {y2} two-digit year, {m} month, {d} day, {seq} five-digit running number (never reused). Example: {example}',
  callSection: 'Calling and tickets',
  callTemplate: 'Call sentence',
  callTemplateNoRoom: 'Call sentence (no room)',
  callTemplateHint: '{pNumber} queue number, {pName} masked name, {pConsultant} consultant, {pRoom} room.',
  callVoice: 'Voice',
  callVoiceAuto: 'Pick a Chinese voice automatically',
  callVoiceNone: 'No Chinese voice on this computer: calls play the chime only',
  callVolume: 'Volume',
  callRepeat: 'Times spoken',
  callTry: 'Try it',
  trySentence: '请 A012 号 张*丽 到 3 号咨询室',
  ticketPaper: 'Ticket paper',
  ticket80: '80 mm receipt',
  ticketA6: 'A6',
  printTicket: 'Print a queue ticket after registration',
}

export const ticketEn: typeof ticketZh = {
  number: 'Your number',
  ahead: '{n} ahead of you',
  note: 'Watch the screen and listen for your number; if you miss it, ask at the desk',
  print: 'Print ticket',
  printShortcut: 'Print the queue ticket (Alt+P)',
}

export const callingEn: typeof callingZh = {
  openDisplay: 'Open the display',
  closeDisplay: 'Close the display',
  displayTitle: 'Show calls on the waiting-room screen (full screen on a second screen when there is one)',
  noChineseVoice: 'No Chinese voice is installed on this computer: calls play the chime only. Install a Chinese (Simplified) voice in the system settings.',
}
