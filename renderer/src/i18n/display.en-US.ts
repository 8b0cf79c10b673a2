import type { displayZh } from './display.zh-CN.ts'

export const displayEn: typeof displayZh = {
  title: 'Waiting room',
  nowCalling: 'Now calling',
  recall: 'Called again',
  noCall: 'No one called yet',
  pleaseWait: 'Please watch this screen; when your number is called, go to the room shown',
  consultant: 'Consultant',
  nurse: 'Nurse',
  doctor: 'Doctor',
  room: 'Go to',
  roomNumber: 'Room {room}',
  sentence: 'Announcement',
  recent: 'Recent calls',
  noRecent: 'None yet',
  waiting: 'Waiting',
  waitingCount: 'Total {n}',
  noWaiting: 'No one is waiting',
  more: '+{n} more',
  soundHint: 'Sound is off: click here to turn it on',
  offline: 'Connection lost, reconnecting…',
}
