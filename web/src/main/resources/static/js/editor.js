// Live checks for the dataset editor: posts the text to /api/check (nothing is saved) and lists
// every reading problem (clickable: jumps to its line) or the findings of the check catalogue.
(function () {
  var area = document.getElementById('yaml');
  var live = document.getElementById('live');
  if (!area || !live) return;
  var timer = null, seq = 0;
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function jump(line) {
    var lines = area.value.split('\n'), pos = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
    area.focus(); area.setSelectionRange(pos, pos + (lines[line - 1] || '').length);
    area.scrollTop = Math.max(0, (line - 5) * 16);
  }
  function render(r) {
    if (!r.readable) {
      live.innerHTML = '<p class="sev-error"><strong>数据集有 ' + r.problems.length + ' 处错误</strong></p><ul class="problems">' +
        r.problems.map(function (p) { return '<li><a data-line="' + p.line + '">第 ' + p.line + ' 行 [' + esc(p.field) + ']</a>：' + esc(p.message) + '</li>'; }).join('') + '</ul>';
    } else {
      var c = r.counts;
      var shown = r.findings.filter(function (f) { return f.severity !== 'NOTICE'; });
      live.innerHTML = '<p><span class="sev-error">错误 ' + c.errors + '</span>，<span class="sev-warning">警告 ' + c.warnings + '</span>，<span class="sev-notice">提示 ' + c.notices + '</span></p>' +
        '<ul class="problems">' + shown.slice(0, 50).map(function (f) { return '<li><span class="s-' + f.severity + '">' + esc(f.id) + '</span> ' + esc(f.message) + '</li>'; }).join('') + '</ul>';
    }
    live.querySelectorAll('a[data-line]').forEach(function (a) { a.addEventListener('click', function () { jump(+a.dataset.line); }); });
  }
  function check() {
    var mine = ++seq;
    var headers = {'Content-Type': 'text/plain;charset=UTF-8'};
    var tokenMeta = document.querySelector('meta[name="_csrf"]'), headerMeta = document.querySelector('meta[name="_csrf_header"]');
    if (tokenMeta && headerMeta) headers[headerMeta.content] = tokenMeta.content;   // a logged-in session's request carries its token
    fetch('/api/check', {method: 'POST', headers: headers, body: area.value, credentials: 'same-origin'})
      .then(function (res) { return res.json(); })
      .then(function (r) { if (mine === seq) render(r); })
      .catch(function () { live.innerHTML = '<p class="muted">暂时无法审核。</p>'; });
  }
  area.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(check, 400); });
  if (area.value.trim()) check();
})();
