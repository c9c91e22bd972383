// Progress while a dataset is uploaded (bytes sent, then "reading and checking") and while a document is published
// (the server's own step: which file it is generating, of how many). Without script both forms post as plain forms.
(function () {
  'use strict';

  function show(box, text, value, max) {
    if (!box) return;
    box.hidden = false;
    var bar = box.querySelector('progress');
    if (bar) {
      if (value == null) { bar.removeAttribute('value'); } else { bar.max = max || 100; bar.value = value; }
    }
    var t = box.querySelector('.progress-text');
    if (t) t.textContent = text;
  }

  function size(n) {
    return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB';
  }

  var upload = document.getElementById('upload-form');
  if (upload && window.FormData && window.XMLHttpRequest) {
    upload.addEventListener('submit', function (ev) {
      var box = document.getElementById('upload-progress');
      var button = document.getElementById('upload');
      ev.preventDefault();
      if (button) button.disabled = true;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', upload.action);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) show(box, '已上传 ' + Math.floor(100 * e.loaded / e.total) + '%（' + size(e.loaded) + ' / ' + size(e.total) + '）', e.loaded, e.total);
        else show(box, '正在上传 ' + size(e.loaded), null);
      });
      xhr.upload.addEventListener('load', function () { show(box, '已上传，正在读取和审核…', null); });
      xhr.addEventListener('load', function () {
        // the answer is the page the upload redirected to (its message included): shown as it is
        var url = xhr.responseURL;
        document.open();
        document.write(xhr.responseText);
        document.close();
        if (url && window.history && history.replaceState) history.replaceState(null, '', url);
      });
      xhr.addEventListener('error', function () {
        show(box, '上传失败：网络中断或服务器无响应。请重试。', 0, 100);
        if (button) button.disabled = false;
      });
      show(box, '正在上传…', 0, 100);
      xhr.send(new FormData(upload));
    });
  }

  var publish = document.getElementById('publish-form');
  if (publish) {
    publish.addEventListener('submit', function () {
      // the form posts as usual; until the answer comes, the server's step is asked for every half second
      var box = document.getElementById('publish-progress');
      var button = document.getElementById('publish');
      var url = publish.getAttribute('data-progress');
      show(box, '正在审核并准备发布…', null);
      setTimeout(function () { if (button) button.disabled = true; }, 0);
      if (!url || !window.fetch) return;
      var poll = function () {
        fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (p) {
            if (p && p.running) show(box, p.label + '（第 ' + p.step + ' 步，共 ' + p.of + ' 步）', p.step, p.of);
          })
          .catch(function () {})
          .then(function () { setTimeout(poll, 500); });
      };
      setTimeout(poll, 300);
    });
  }
})();
