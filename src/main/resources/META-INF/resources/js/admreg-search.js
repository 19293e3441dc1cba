// Search as you type on the registrations list: re-requests the same GET page the form submits and swaps in the
// results section. Without JavaScript the form works as it is.
(function () {
  'use strict';
  document.querySelectorAll('form[data-live-search]').forEach(function (form) {
    var targetId = form.getAttribute('data-live-search');
    var timer = null;
    var latest = 0;
    function refresh() {
      var params = new URLSearchParams(new FormData(form));
      var url = form.getAttribute('action') + '?' + params.toString();
      var ticket = ++latest;
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null || ticket !== latest) { return; }
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(targetId);
          var current = document.getElementById(targetId);
          if (fresh && current) {
            current.replaceWith(fresh);
            document.dispatchEvent(new CustomEvent('admreg:replaced', { detail: fresh }));
          }
          history.replaceState(null, '', url);
        })
        .catch(function () { /* keep the page as it is; submitting the form still works */ });
    }
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    form.addEventListener('change', function () {
      clearTimeout(timer);
      refresh();
    });
  });
})();
