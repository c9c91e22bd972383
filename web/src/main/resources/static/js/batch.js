// The job page while it runs: asks the progress endpoint every 3 seconds and reloads the page when a document has finished
// (its line then shows the outcome), and once the job is over. Without script the page is simply reloaded by hand.
(function () {
  'use strict';
  var box = document.getElementById('progress');
  if (!box || box.getAttribute('data-running') !== 'true' || !window.fetch) return;
  var url = box.getAttribute('data-progress');
  var done = document.getElementById('done');
  var last = done ? done.textContent : '';
  function poll() {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}}).then(function (r) { return r.json(); }).then(function (p) {
      if (String(p.done) !== last || p.status !== 'RUNNING') { window.location.reload(); return; }
      setTimeout(poll, 3000);
    }).catch(function () { setTimeout(poll, 10000); });
  }
  setTimeout(poll, 3000);
})();
