import { nextTick, ref } from 'vue'
import type { QueueTicket } from '../../../core/api/queue.ts'
import { api } from '../api/client.ts'
import { showError } from '../api/notify.ts'

const PRINTING_CLASS = 'is-printing-ticket'
/** The ticket being printed, shared by the printer and the one <QueueTicketPrint> on the page. */
const ticket = ref<QueueTicket | null>(null)

/**
 * Prints a queue ticket through the system print dialog: the page shows only the ticket while printing
 * (see QueueTicketPrint.vue), sized for an 80 mm receipt printer or A6 by the clinic's settings.
 */
export function useTicketPrinter() {
  async function print(visitId: number): Promise<boolean> {
    try {
      ticket.value = await api.call('queue.ticket', { visitId })
    } catch (error) {
      showError(error)
      return false
    }
    await nextTick()
    document.body.classList.add(PRINTING_CLASS)
    try {
      window.print()
    } finally {
      document.body.classList.remove(PRINTING_CLASS)
    }
    return true
  }
  return { ticket, print }
}
