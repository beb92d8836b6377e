// Counts a view of this article with one beacon: no cookies, no identifiers; reading works without it.
/* global navigator, location, document */
(function () {
  if (!navigator.sendBeacon) return
  var send = function () { navigator.sendBeacon('/api/v1/views', JSON.stringify({ path: location.pathname })) }
  // A page prerendered in the background is only a view once the reader actually opens it.
  if (document.prerendering) document.addEventListener('prerenderingchange', send, { once: true })
  else send()
})()
