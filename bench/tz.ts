// Imported first by the bench scripts: the clinic's time zone, so that generated days, times and the
// desk's "today" are the same on every machine (the file is deterministic for a seed).
process.env.TZ = 'Asia/Shanghai'
