import { inflateRawSync } from 'node:zlib'

/**
 * A small, synchronous reader of the first worksheet of an .xlsx file, as cell text by row.
 *
 * Synchronous because an import is applied inside the write transaction (better-sqlite3 transactions
 * cannot await); small and strict because the file comes from outside: every size is capped before
 * and while inflating (a zip bomb stops at the cap), only the few parts needed are read, and anything
 * unexpected is refused with a reason rather than guessed at.
 */

export type XlsxProblem = 'notXlsx' | 'encrypted' | 'tooLarge' | 'noSheet' | 'tooManyRows'

export class XlsxReadError extends Error {
  readonly problem: XlsxProblem
  constructor(problem: XlsxProblem, detail = '') {
    super(`xlsx: ${problem}${detail ? ` (${detail})` : ''}`)
    this.name = 'XlsxReadError'
    this.problem = problem
  }
}

export interface XlsxLimits {
  /** Entries in the zip's directory. */
  maxEntries: number
  /** Uncompressed bytes of any one part read. */
  maxPartBytes: number
  /** Rows of the sheet (by row number). */
  maxRows: number
  /** Columns read per row; cells further right are ignored. */
  maxColumns: number
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxEntries: 2000, maxPartBytes: 32 * 1024 * 1024, maxRows: 5000, maxColumns: 40 }

/** A cell's text, or a number with the text Excel stored for it, or a boolean. */
export type CellValue = { kind: 'text'; text: string } | { kind: 'number'; value: number; text: string } | { kind: 'bool'; value: boolean } | { kind: 'error'; text: string }

export interface SheetRow {
  /** The row number as Excel shows it (1-based). */
  row: number
  /** Cells by column index (0 = A); absent cells are empty. */
  cells: Map<number, CellValue>
}

export interface XlsxSheet {
  name: string
  rows: SheetRow[]
}

interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  localOffset: number
}

const SIG_EOCD = 0x06054b50
const SIG_CENTRAL = 0x02014b50
const SIG_LOCAL = 0x04034b50

function readDirectory(zip: Buffer, limits: XlsxLimits): Map<string, ZipEntry> {
  if (zip.length < 22 || zip.readUInt32LE(0) !== SIG_LOCAL) throw new XlsxReadError('notXlsx', 'not a zip file')
  let eocd = -1
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === SIG_EOCD) {
      eocd = at
      break
    }
  }
  if (eocd < 0) throw new XlsxReadError('notXlsx', 'no end of directory')
  const count = zip.readUInt16LE(eocd + 10)
  const dirOffset = zip.readUInt32LE(eocd + 16)
  if (count === 0xffff || dirOffset === 0xffffffff) throw new XlsxReadError('tooLarge', 'zip64')
  if (count > limits.maxEntries) throw new XlsxReadError('tooLarge', `${count} entries`)
  const entries = new Map<string, ZipEntry>()
  let at = dirOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== SIG_CENTRAL) throw new XlsxReadError('notXlsx', 'broken directory')
    const nameLength = zip.readUInt16LE(at + 28)
    const entry: ZipEntry = {
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    }
    entries.set(entry.name.replace(/^\/+/, ''), entry)
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return entries
}

function readPart(zip: Buffer, entry: ZipEntry, limits: XlsxLimits): string {
  if (entry.flags & 0x1) throw new XlsxReadError('encrypted')
  if (entry.size > limits.maxPartBytes) throw new XlsxReadError('tooLarge', `${entry.name} ${entry.size} bytes`)
  const at = entry.localOffset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== SIG_LOCAL) throw new XlsxReadError('notXlsx', 'broken entry')
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const end = start + entry.compressedSize
  if (end > zip.length) throw new XlsxReadError('notXlsx', 'truncated')
  const data = zip.subarray(start, end)
  let bytes: Buffer
  if (entry.method === 0) bytes = data
  else if (entry.method === 8) {
    try {
      // The declared size may lie: the cap holds while inflating, whatever the header says.
      bytes = inflateRawSync(data, { maxOutputLength: limits.maxPartBytes })
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new XlsxReadError('tooLarge', entry.name)
      throw new XlsxReadError('notXlsx', `cannot inflate ${entry.name}`)
    }
  } else throw new XlsxReadError('notXlsx', `compression ${entry.method}`)
  return bytes.toString('utf8')
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML text to a string: entities, character references, and OOXML's _xHHHH_ escapes. */
function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ''
      }
      return ENTITIES[ref] ?? whole
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag)
  return match ? xmlText(match[1] ?? '') : undefined
}

/** The text of a string item (<si> or <is>): every <t>, but not phonetic runs (<rPh>). */
function stringItemText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
  let text = ''
  for (const match of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += xmlText(match[1] ?? '')
  return text
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = []
  for (const match of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) strings.push(stringItemText(match[1] ?? ''))
  return strings
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref.toUpperCase())?.[0] ?? ''
  let index = 0
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64)
  return index - 1
}

function parseCell(tag: string, body: string, strings: string[]): CellValue | undefined {
  const type = attribute(tag, 't') ?? 'n'
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1]
  if (type === 'inlineStr') {
    const inline = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(body)?.[1]
    return inline === undefined ? undefined : { kind: 'text', text: stringItemText(inline) }
  }
  if (v === undefined) return undefined
  const raw = xmlText(v)
  switch (type) {
    case 's': {
      const text = strings[Number(raw)]
      return text === undefined ? { kind: 'error', text: '#REF!' } : { kind: 'text', text }
    }
    case 'str':
      return { kind: 'text', text: raw }
    case 'b':
      return { kind: 'bool', value: raw.trim() === '1' }
    case 'e':
      return { kind: 'error', text: raw }
    default: {
      const value = Number(raw)
      return Number.isFinite(value) && raw.trim() !== '' ? { kind: 'number', value, text: raw.trim() } : { kind: 'text', text: raw }
    }
  }
}

function sheetRows(xml: string, strings: string[], limits: XlsxLimits): SheetRow[] {
  const rows: SheetRow[] = []
  let nextRow = 1
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attribute(`<row${rowMatch[1] ?? ''}`, 'r') ?? nextRow)
    if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new XlsxReadError('notXlsx', 'bad row number')
    nextRow = rowNumber + 1
    const cells = new Map<number, CellValue>()
    let nextColumn = 0
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = `<c${cellMatch[1] ?? ''}`
      const ref = attribute(tag, 'r')
      const column = ref ? columnIndex(ref) : nextColumn
      nextColumn = column + 1
      if (column < 0 || column >= limits.maxColumns) continue
      const value = parseCell(tag, cellMatch[2] ?? '', strings)
      if (value) cells.set(column, value)
    }
    if (cells.size === 0) continue // formatting only
    // Rows beyond the limit are refused, not cut off: a half-read price list must not look complete.
    if (rowNumber > limits.maxRows + 1) throw new XlsxReadError('tooManyRows', String(rowNumber))
    rows.push({ row: rowNumber, cells })
  }
  return rows
}

/** Where the workbook's first sheet lives, and its name. */
function firstSheet(zip: Buffer, entries: Map<string, ZipEntry>, limits: XlsxLimits): { path: string; name: string } {
  const workbookEntry = entries.get('xl/workbook.xml')
  if (!workbookEntry) throw new XlsxReadError('notXlsx', 'no workbook')
  const workbook = readPart(zip, workbookEntry, limits)
  const sheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0]
  if (!sheetTag) throw new XlsxReadError('noSheet')
  const name = attribute(sheetTag, 'name') ?? ''
  const relId = attribute(sheetTag, 'r:id')
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels')
  if (relId && relsEntry) {
    for (const rel of readPart(zip, relsEntry, limits).matchAll(/<Relationship\b[^>]*>/g)) {
      if (attribute(rel[0], 'Id') !== relId) continue
      const target = attribute(rel[0], 'Target') ?? ''
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/')
      if (entries.has(path)) return { path, name }
    }
  }
  if (entries.has('xl/worksheets/sheet1.xml')) return { path: 'xl/worksheets/sheet1.xml', name }
  throw new XlsxReadError('noSheet')
}

/** Reads the first worksheet's cells; throws XlsxReadError for anything that is not a sound, modest .xlsx. */
export function readFirstSheet(file: Buffer, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): XlsxSheet {
  const entries = readDirectory(file, limits)
  const sheet = firstSheet(file, entries, limits)
  const stringsEntry = entries.get('xl/sharedStrings.xml')
  const strings = stringsEntry ? sharedStrings(readPart(file, stringsEntry, limits)) : []
  const sheetEntry = entries.get(sheet.path)
  if (!sheetEntry) throw new XlsxReadError('noSheet')
  return { name: sheet.name, rows: sheetRows(readPart(file, sheetEntry, limits), strings, limits) }
}
