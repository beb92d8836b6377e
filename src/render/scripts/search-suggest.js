// Search-as-you-type on the search page: titles, tags and authors under the box. Without it the form works as is.
/* global document, window, fetch */
(function () {
  var input = document.querySelector('input[data-suggest]')
  var list = document.getElementById('search-suggest')
  if (!input || !list || !window.fetch) return
  var timer = 0, asked = '', active = -1

  function close() { list.hidden = true; list.textContent = ''; active = -1; input.setAttribute('aria-expanded', 'false') }
  function options() { return list.querySelectorAll('a') }
  function mark(i) {
    var all = options()
    if (!all.length) return
    active = (i + all.length) % all.length
    for (var j = 0; j < all.length; j++) all[j].setAttribute('aria-selected', j === active ? 'true' : 'false')
    input.setAttribute('aria-activedescendant', all[active].id)
  }
  function add(kind, label, path) {
    var li = document.createElement('li'), a = document.createElement('a')
    li.setAttribute('role', 'presentation')
    a.href = path; a.textContent = label; a.className = 'suggest-' + kind
    a.setAttribute('role', 'option'); a.id = 'suggest-' + list.children.length
    li.appendChild(a); list.appendChild(li)
  }
  function show(data) {
    list.textContent = ''; active = -1
    data.titles.forEach(function (t) { add('title', t.title, t.path) })
    data.tags.forEach(function (t) { add('tag', t.name, t.path) })
    data.authors.forEach(function (a) { add('author', a.name, a.path) })
    list.hidden = list.children.length === 0
    input.setAttribute('aria-expanded', list.hidden ? 'false' : 'true')
  }
  function ask() {
    var q = input.value.trim()
    if (q.length < 2) { asked = ''; close(); return }
    if (q === asked) return
    asked = q
    fetch(input.getAttribute('data-suggest') + '&q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null })
      .then(function (data) { if (data && asked === q) show(data) })
      .catch(function () {})
  }
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(ask, 150) })
  input.addEventListener('keydown', function (e) {
    if (list.hidden) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); mark(active + (e.key === 'ArrowDown' ? 1 : -1)) }
    else if (e.key === 'Escape') close()
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); window.location.href = options()[active].href }
  })
  input.addEventListener('blur', function () { setTimeout(close, 200) })
})()
