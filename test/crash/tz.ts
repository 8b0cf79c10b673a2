// Imported first by the worker: the clinic's time zone, so that its clock gives the same local days on
// every machine (as bench/tz.ts does for the benchmark).
process.env.TZ = 'Asia/Shanghai'
