// On the organisation's own page, next to the iframe of an embed (docs/embedding.md): sets each frame's height to
// what the page inside reports (js/embed-frame.js). Messages are taken only from this script's own origin and only
// for a frame whose window sent them; the height is bounded. Without this script the frame keeps its fixed height.
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : null;
  if (!origin || window.kennisagendaEmbedListening) {
    return;
  }
  window.kennisagendaEmbedListening = true;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.data || event.data.type !== 'kennisagenda-embed-height') {
      return;
    }
    var height = Number(event.data.height);
    if (!isFinite(height) || height < 100 || height > 20000) {
      return;
    }
    var frames = document.querySelectorAll('iframe[data-kennisagenda-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        frames[i].setAttribute('scrolling', 'no');
      }
    }
  });
}());
