// The web preview's stand-in for Electron's preload: the same window.frontDesk API, over HTTP to the
// preview server on 127.0.0.1. Loaded only by the preview server, never part of the app.
;(() => {
  const listeners = new Set()
  // The desk's session token: one per tab, kept over reloads, as a window of the app keeps its sign-in.
  const SESSION_KEY = 'frontDesk.deskSession'
  let token = sessionStorage.getItem(SESSION_KEY)
  if (!token) {
    token = crypto.randomUUID()
    sessionStorage.setItem(SESSION_KEY, token)
  }
  const events = new EventSource('/api/events')
  events.addEventListener('change', (message) => {
    const event = JSON.parse(message.data)
    for (const listener of listeners) listener(event)
  })
  window.frontDesk = Object.freeze({
    preview: true,
    async invoke(method, input) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-desk-session': token },
          body: JSON.stringify({ method, input }),
        })
        return await response.json()
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: '无法连接网页预览服务 / preview server unreachable: ' + error } }
      }
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  })
})()
