// The editing forms of the working-document page (templates/work/forms.html). Without this script the
// forms still work: they post, and a refused save comes back with every problem listed. With it:
// rows are added and marked deleted in place, the ledger's totals and the classification names follow
// the input, and every change is checked live — the form's fields are sent as JSON to
// …/forms/{section}/check (nothing is saved) and each problem is shown next to the field it names.
(function () {
  var form = document.querySelector('form.dsform');
  var live = document.getElementById('live');
  if (!form || !live) return;
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  var dirty = false, timer = null, seq = 0;

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }

  // the spare blank rows are for use without the script; here rows are added with the button
  form.querySelectorAll('.spare').forEach(function (r) { r.remove(); });

  // ------------------------------------------------------------ rows
  function rowsOf(list) {
    var box = form.querySelector('[data-list="' + list + '"]');
    return box ? Array.prototype.filter.call(box.children, function (c) { return c.hasAttribute('data-row'); }) : [];
  }
  function addRow(button) {
    var list = button.getAttribute('data-add');
    var box = form.querySelector('[data-list="' + list + '"]');
    var tpl = document.getElementById(button.getAttribute('data-template'));
    if (!box || !tpl) return;
    var n = rowsOf(list).length;
    var html = tpl.innerHTML.split('%P%').join(list).split('%N%').join(String(n));
    var holder = document.createElement(box.tagName === 'TBODY' ? 'tbody' : 'div');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    if (list === 'lines') copyFromLast(row);
    box.appendChild(row);
    var first = row.querySelector('input[type=text], select, textarea');
    if (first) first.focus();
    changed();
  }
  // a new ledger line starts as the last one: same 功能分类项, nature, project and source (款 and amount to fill)
  function copyFromLast(row) {
    var last = rowsOf('lines').filter(function (r) { return !r.classList.contains('deleted'); }).pop();
    if (!last) return;
    ['funcCode', 'nature', 'proCode', 'fundSource'].forEach(function (f) {
      var from = last.querySelector('[name$=".' + f + '"]'), to = row.querySelector('[name$=".' + f + '"]');
      if (from && to) to.value = from.value;
    });
    var code = row.querySelector('input[name$=".funcCode"]');
    if (code) showName(code);
  }
  form.addEventListener('click', function (e) {
    var b = e.target.closest('[data-add]');
    if (b) { e.preventDefault(); addRow(b); }
  });
  function markDeleted(box) {
    var row = box.closest('[data-row]');
    if (row) row.classList.toggle('deleted', box.checked);
  }
  form.querySelectorAll('input[name$=".deleted"]').forEach(markDeleted);

  // ------------------------------------------------------------ the ledger: names and totals
  function names(listId) {
    var m = {};
    var dl = document.getElementById(listId);
    if (dl) dl.querySelectorAll('option').forEach(function (o) { m[o.value] = o.getAttribute('label') || o.textContent; });
    return m;
  }
  var funcNames = names('func-items'), ecoNames = names('eco-items');
  function showName(input) {
    var list = input.getAttribute('list');
    var box = input.parentNode.querySelector('.cname');
    if (!box || (list !== 'func-items' && list !== 'eco-items')) return;
    var code = input.value.replace(/\s/g, '');
    var n = (list === 'func-items' ? funcNames : ecoNames)[code];
    box.textContent = n || (code ? '（年度科目表中没有此编码）' : '');
  }
  // amounts in 元 as whole 分, exactly (null when not a number of 元 with at most two decimals)
  function fen(text) {
    var t = String(text || '').trim().replace(/,/g, '');
    var m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
    if (!m) return null;
    return Number(m[1]) * 100 + Number(((m[2] || '') + '00').slice(0, 2));
  }
  function yuan(f) {
    var s = String(Math.floor(f / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return s + '.' + String(f % 100).padStart(2, '0');
  }
  function wan(f) { // 万元, rounded half up to two decimals
    var c = Math.floor((f + 5000) / 10000);
    return String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + String(c % 100).padStart(2, '0');
  }
  function totals() {
    var all = document.getElementById('total-all');
    if (!all) return;
    // a page of a long ledger: the rows on other pages, as stored, are in the foot's data-rest-*
    var foot = all.closest('tfoot');
    function rest(k) { var v = foot && foot.getAttribute('data-rest-' + k); return v ? Number(v) : 0; }
    var sum = rest('all'), basic = rest('basic'), project = rest('project');
    rowsOf('lines').forEach(function (row) {
      if (row.classList.contains('deleted')) return;
      var a = row.querySelector('input[name$=".amount"]');
      var f = fen(a.value);
      a.classList.toggle('suspect', a.value.trim() !== '' && f === null);
      if (f === null) return;
      sum += f;
      var nature = row.querySelector('select[name$=".nature"]').value;
      if (nature === '基本') basic += f;
      if (nature === '项目') project += f;
    });
    all.textContent = yuan(sum);
    document.getElementById('total-wan').textContent = wan(sum);
    document.getElementById('total-basic').textContent = yuan(basic);
    document.getElementById('total-project').textContent = yuan(project);
  }

  // ------------------------------------------------------------ the form as JSON (the names are the fields' paths)
  function set(root, name, value) {
    var parts = name.match(/[^.[\]]+/g);
    var o = root;
    for (var i = 0; i < parts.length - 1; i++) {
      var k = parts[i];
      if (o[k] == null) o[k] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      o = o[k];
    }
    o[parts[parts.length - 1]] = value;
  }
  function collect() {
    var root = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === 'version' || el.name.charAt(0) === '_' || el.disabled) return;
      if (el.type === 'checkbox') set(root, el.name, el.checked);
      else if (el.type !== 'button' && el.type !== 'submit') set(root, el.name, el.value);
    });
    return root;
  }

  // ------------------------------------------------------------ problems next to their fields
  function clearProblems() {
    form.querySelectorAll('.ferr').forEach(function (e) { e.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    form.querySelectorAll('.row-invalid').forEach(function (e) { e.classList.remove('row-invalid'); });
  }
  function place(p) {
    if (!p.field) return false;
    var el = form.querySelector('[name="' + p.field + '"]');
    var msg = document.createElement('div');
    msg.className = 'ferr';
    msg.setAttribute('role', 'alert');
    msg.textContent = p.message;
    if (el && el.type !== 'hidden') {
      el.setAttribute('aria-invalid', 'true');
      el.insertAdjacentElement('afterend', msg);
      reveal(el);
      return true;
    }
    var row = form.querySelector('[data-row="' + p.field.replace(/\.[A-Za-z]+$/, '') + '"]');
    if (!row) return false;
    reveal(row);
    row.classList.add('row-invalid');
    var cell = row.tagName === 'TR' ? row.lastElementChild : row;
    cell.appendChild(msg);
    return true;
  }
  function reveal(el) { // a problem inside a folded project text opens it
    for (var d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
  }
  function render(r) {
    clearProblems();
    var unplaced = [];
    (r.problems || []).forEach(function (p) { if (!place(p)) unplaced.push(p); });
    var html;
    if (!r.readable) {
      html = '<p class="sev-error"><strong>有 ' + r.problems.length + ' 处错误</strong>（已标在对应的栏目旁；修正后才能保存）</p>';
      if (unplaced.length) html += '<ul class="problems">' + unplaced.map(function (p) { return '<li>' + esc(p.where) + '：' + esc(p.message) + '</li>'; }).join('') + '</ul>';
    } else {
      var c = r.counts;
      var shown = (r.findings || []).filter(function (f) { return f.severity !== 'NOTICE'; });
      html = '<p>实时审核（未保存）：<span class="sev-error">错误 ' + c.errors + '</span>，<span class="sev-warning">警告 ' + c.warnings +
        '</span>，<span class="sev-notice">提示 ' + c.notices + '</span></p>';
      if (shown.length) html += '<ul class="problems">' + shown.slice(0, 30).map(function (f) {
        return '<li><span class="s-' + f.severity + '">' + esc(f.id) + '</span> ' + esc(f.message) + '</li>'; }).join('') +
        (shown.length > 30 ? '<li class="muted">……共 ' + shown.length + ' 条</li>' : '') + '</ul>';
    }
    live.innerHTML = html;
  }
  function check() {
    var mine = ++seq;
    var headers = {'Content-Type': 'application/json'};
    if (tokenMeta && headerMeta) headers[headerMeta.content] = tokenMeta.content;
    live.classList.add('busy');
    fetch(form.getAttribute('data-check'), {method: 'POST', headers: headers, body: JSON.stringify(collect()), credentials: 'same-origin'})
      .then(function (res) { return res.json().then(function (j) { return {ok: res.ok, body: j}; }); })
      .then(function (x) {
        if (mine !== seq) return;
        live.classList.remove('busy');
        if (x.ok) render(x.body);
        else live.innerHTML = '<p class="sev-error">' + esc(x.body.error || '暂时无法审核') + '</p>';
      })
      .catch(function () { if (mine === seq) { live.classList.remove('busy'); live.innerHTML = '<p class="muted">暂时无法审核。</p>'; } });
  }
  function changed() {
    dirty = true;
    totals();
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  }
  form.addEventListener('input', function (e) {
    if (e.target.matches('input.code')) showName(e.target);
    changed();
  });
  form.addEventListener('change', function (e) {
    if (e.target.matches('input[name$=".deleted"]')) markDeleted(e.target);
    changed();
  });
  form.addEventListener('submit', function () { dirty = false; });
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; }
  });

  // a refused save comes back with its problems: put them at their fields; else check what is stored
  var sent = form.getAttribute('data-errors');
  var problems = sent ? JSON.parse(sent) : [];
  totals();
  if (problems.length) render({readable: false, problems: problems});
  else check();
})();
