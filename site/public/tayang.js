// The waiting-room screen's script (/tayang/{slug}, docs/decisions/034): plain ES5, no framework, for a TV's browser.
// Every `data-refresh` seconds it fetches the page again and swaps each [data-part]; a failed fetch keeps the figures on
// screen and shows a line saying so. After an hour of good fetches it reloads the page once (a long-running TV browser
// leaks). Served as a file (cached an hour: server/publication/routes.ts publicationPageHeaders).
(function () {
  'use strict';
  var body = document.body;
  var seconds = Number(body.getAttribute('data-refresh')) || 60;
  var good = 0;
  function swap(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var parts = doc.querySelectorAll('[data-part]');
    for (var i = 0; i < parts.length; i++) {
      var name = parts[i].getAttribute('data-part');
      var here = document.querySelector('[data-part="' + name + '"]');
      if (here && here.innerHTML !== parts[i].innerHTML) here.innerHTML = parts[i].innerHTML;
      if (here && here.className !== parts[i].className) here.className = parts[i].className;
    }
  }
  function refresh() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', location.pathname + location.search, true);
    xhr.timeout = 20000;
    xhr.onload = function () {
      if (xhr.status === 200) {
        try { swap(xhr.responseText); body.className = ''; good++; } catch (e) { body.className = 'is-stale'; }
        if (good * seconds >= 3600) location.reload();
      } else body.className = 'is-stale';
    };
    xhr.onerror = xhr.ontimeout = function () { body.className = 'is-stale'; };
    xhr.send();
  }
  setInterval(refresh, seconds * 1000);
})();
