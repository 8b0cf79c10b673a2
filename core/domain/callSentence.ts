/**
 * The sentence of a call, from the template in settings: {number} the queue number, {name} the masked
 * name, {consultant} the consultant, {room} the room. Unknown placeholders stay as written.
 */
export function callSentence(template: string, values: { number: string; name: string; consultant: string; room: string }): string {
  return template.replace(/\{(number|name|consultant|room)\}/g, (_whole, key: keyof typeof values) => values[key])
}

/**
 * What the speech engine is given: the shown sentence, with the mask's * read as 某 (张*丽 -> 张某丽, not
 * "star") and the queue number's digits one by one (A012 -> A 0 1 2, not "twelve").
 */
export function spokenText(sentence: string): string {
  return sentence
    .replace(/\*/g, '某')
    .replace(/([A-Z]{1,2})(\d{3,})/g, (_whole, prefix: string, digits: string) => `${prefix} ${digits.split('').join(' ')}`)
}
