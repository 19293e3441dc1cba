// Inside an embed (templates/embed.html): tells the page around the iframe how tall this page is, so js/embed.js
// there can size the frame. Only a number is sent, nothing of the form, so any parent may receive it ('*').
(function () {
  'use strict';
  if (window.parent === window) {
    return;
  }
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'kennisagenda-embed-height', height: height }, '*');
    }
  }
  if ('ResizeObserver' in window) {
    new ResizeObserver(report).observe(document.documentElement);
  }
  window.addEventListener('load', report);
  report();
}());
