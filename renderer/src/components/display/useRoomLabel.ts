import { useI18n } from 'vue-i18n'

/** A room as the waiting room reads it: "3" -> 3 号咨询室 / Room 3; a named room ("专家 1", "治疗室") as it is. */
export function useRoomLabel() {
  const { t } = useI18n()
  return (room: string): string => (/^\d+$/.test(room.trim()) ? t('queueDisplay.roomNumber', { room: room.trim() }) : room)
}
