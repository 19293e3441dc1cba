// Check-in: search as you type, one tap posts with fetch and updates the row in place, and the counts are polled
// every few seconds so several devices see each other's work. Without JavaScript every form works on its own.
(function () {
  'use strict';
  var counts = document.getElementById('checkin-counts');

  function showCounts(data) {
    if (!counts || !data) { return; }
    ['confirmed', 'checkedIn', 'notYet'].forEach(function (name) {
      var element = counts.querySelector('[data-count="' + name + '"]');
      if (element && typeof data[name] === 'number') { element.textContent = String(data[name]); }
    });
  }

  function poll() {
    if (!counts || document.hidden) { return; }
    fetch(counts.getAttribute('data-counts-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(showCounts)
      .catch(function () { /* try again at the next tick */ });
  }

  function wire(root) {
    root.querySelectorAll('form.checkin-form').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var button = form.querySelector('button');
        var undo = form.querySelector('input[name="undo"]');
        var row = form.closest('.checkin-row');
        button.disabled = true;
        fetch(form.getAttribute('action'), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'X-Requested-With': 'fetch', 'Accept': 'application/json' },
          body: new URLSearchParams(new FormData(form))
        }).then(function (response) {
          if (!response.ok) { form.submit(); return null; }
          return response.json();
        }).then(function (data) {
          if (!data) { return; }
          var nowPresent = undo.value !== 'true';
          undo.value = nowPresent ? 'true' : 'false';
          row.classList.toggle('checkin-row--present', nowPresent);
          button.classList.toggle('button--secondary', nowPresent);
          button.textContent = button.getAttribute(nowPresent ? 'data-label-undo' : 'data-label-in');
          var state = row.querySelector('.checkin-state');
          if (state) { state.textContent = nowPresent ? state.getAttribute('data-present') : state.getAttribute('data-absent'); }
          showCounts(data);
        }).catch(function () {
          form.submit();
        }).finally(function () {
          button.disabled = false;
        });
      });
    });
  }

  wire(document);
  document.addEventListener('admreg:replaced', function (event) { wire(event.detail); });
  setInterval(poll, 5000);
})();
