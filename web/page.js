// The page: sends what the user types to the library in a Web Worker and shows its answers.
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };

  // --- the worker: the library, started from its script's text (a page opened from disk may
  // not start a worker from a file) after the catalogues; a call that runs long can be
  // cancelled by ending it ----------------------------------------------------------------
  var worker = null, ready = null, nextId = 1, pending = {};
  // the worker's script (1 MB) loads after the page is drawn (async in index.html)
  var source = new Promise(function (resolve) {
    if (typeof DFDX_WORKER_SRC !== 'undefined') resolve(DFDX_WORKER_SRC);
    else $('worker-src').addEventListener('load', function () { resolve(DFDX_WORKER_SRC); });
  });
  var started = 0; // the worker wanted: one cancelled before its script came is never made
  function startWorker() {
    var mine = ++started;
    ready = source.then(function (src) {
      if (mine !== started) return new Promise(function () {});
      var po = 'var DX_PO = ' + JSON.stringify(DX_PO) + ';\n';
      worker = new Worker(URL.createObjectURL(new Blob([po, src], { type: 'text/javascript' })));
      return new Promise(function (resolve) {
        worker.onmessage = function (e) {
          if (e.data.ready) { resolve(); return; }
          var p = pending[e.data.id];
          if (!p) return;
          delete pending[e.data.id];
          showWorking();
          p.resolve(e.data);
        };
      });
    });
  }
  function call(name, args) {
    var id = nextId++;
    return new Promise(function (resolve, reject) {
      pending[id] = { resolve: resolve, reject: reject, since: performance.now() };
      ready.then(function () { worker.postMessage({ id: id, call: name, args: args, lang: lang }); });
      setTimeout(showWorking, 150);
    });
  }
  function cancel() {
    if (worker) worker.terminate();
    worker = null;
    Object.keys(pending).forEach(function (id) { pending[id].reject(new Error('cancelled')); });
    pending = {};
    showWorking();
    startWorker();
  }
  function showWorking() {
    var now = performance.now();
    var busy = Object.keys(pending).some(function (id) { return now - pending[id].since >= 140; });
    $('working').hidden = !busy;
  }

  // --- language: the program's catalogue (catalogue.js, from po/LANG.po) for the page's own
  // words (i18n.js) and, in the worker, for the library's -----------------------------------
  var lang = 'en';
  function tr(english) {
    var po = DX_PO[lang], m = po && po.messages[english];
    return typeof m === 'string' ? m : english;
  }
  function t(key) { return tr(DX_LABELS[key]); }
  // a template with {0}, {1}... (the catalogue's) or %ld and %s (the program's printf), filled
  function fill(template, args) {
    var k = 0;
    return template.replace(/\{(\d+)\}|%ld|%s/g, function (all, n) { return String(args[n !== undefined ? Number(n) : k++]); });
  }
  function sup(n) { return String(n).replace(/\d/g, function (d) { return '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]; }); }
  function derivativeLabel() {
    var n = order(), v = currentVar || 'x';
    var word = n === 1 ? t('derivative1') : n === 2 ? t('derivative2') : fill(t('derivativeN'), [n]);
    return word + ', ' + (n === 1 ? 'd/d' + v : 'd' + sup(n) + '/d' + v + sup(n));
  }
  function setLang(l, again) {
    lang = l === 'en' || DX_PO[l] ? l : 'en';
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.dataset.t); });
    document.querySelectorAll('.lang button').forEach(function (b) { b.classList.toggle('on', b.dataset.lang === lang); });
    $('derivative-label').textContent = derivativeLabel();
    var v = $('check-verdict').dataset.verdict;
    if (v) $('check-verdict').textContent = t(v);
    saveUrl();
    if (again) { // what the library said, said again in this language
      update();
      runShown();
    }
  }

  // --- the state in the URL, so a link reproduces the view: the formula, its variable and
  // order, the language, each panel's request (the program's options) and the plot's window --
  var shown = {}; // panel -> the request it last ran
  function saveUrl() {
    var q = new URLSearchParams(), d = shown.descend;
    q.set('f', $('expr').value);
    if (wantedVar) q.set('var', wantedVar);
    if (order() !== 1) q.set('order', order());
    q.set('lang', lang);
    if (shown.check != null) q.set('answer', shown.check);
    if (shown.tangent != null) q.set('tangent', shown.tangent);
    if (shown.extrema) q.set('extrema', '1');
    if (shown.limit) { q.set('limit', shown.limit.at); if (shown.limit.side !== 'both') q.set('side', shown.limit.side); }
    if (d) {
      q.set('start', d.start); q.set('rate', d.rates); q.set('steps', d.steps);
      if (d.method !== 'gd') q.set('method', d.method);
      if (d.beta) q.set('beta', d.beta);
      if (d.beta2) q.set('beta2', d.beta2);
    }
    if (plot.view && !plot.view.auto) q.set('view', [plot.view.x0, plot.view.x1, plot.view.y0, plot.view.y1].join(','));
    if (pickMode() !== 'tangent') q.set('pick', pickMode());
    history.replaceState(null, '', '#' + q.toString());
  }
  function loadUrl() {
    var q = new URLSearchParams(location.hash.slice(1));
    var prefersKo = (navigator.languages || [navigator.language]).some(function (l) { return /^ko\b/i.test(l); });
    $('expr').value = q.has('f') ? q.get('f') : 'x^3 - 3x';
    if (q.has('order')) $('order').value = q.get('order');
    wantedVar = q.get('var') || '';
    [['answer', 'answer'], ['tangent', 'tangent-at'], ['limit', 'limit-at'], ['side', 'limit-side'], ['start', 'descent-start'],
     ['rate', 'descent-rates'], ['steps', 'descent-steps'], ['method', 'descent-method'], ['beta', 'descent-beta'],
     ['beta2', 'descent-beta2']].forEach(function (p) { if (q.has(p[0])) $(p[1]).value = q.get(p[0]); });
    if (q.has('pick')) document.querySelectorAll('input[name=pick]').forEach(function (r) { r.checked = r.value === q.get('pick'); });
    methodChanged();
    var v = (q.get('view') || '').split(',').map(Number);
    if (v.length === 4 && v.every(isFinite) && v[0] < v[1] && v[2] < v[3]) plot.view = { x0: v[0], x1: v[1], y0: v[2], y1: v[3] };
    // the panels the link names, run once the formula is read
    ['answer', 'tangent', 'extrema', 'limit', 'start'].forEach(function (k) { if (q.has(k)) linked[k] = true; });
    setLang(q.get('lang') || (prefersKo ? 'ko' : 'en'), false);
  }
  var linked = {};
  function runLinked() {
    if (linked.answer) check();
    if (linked.tangent) tangentAt($('tangent-at').value);
    if (linked.extrema) extrema();
    if (linked.limit) limit();
    if (linked.start) descent(true);
    linked = {};
  }
  function runShown() {
    if (shown.check != null) check();
    if (shown.tangent != null) tangentAt(shown.tangent);
    if (shown.extrema) extrema();
    if (shown.limit) limit();
    if (shown.descend) descent(true);
  }

  // --- rendering helpers ------------------------------------------------------------------
  function tex(el, latex, display) {
    try { katex.render(latex, el, { displayMode: !!display, throwOnError: false, strict: false }); }
    catch (e) { el.textContent = latex; }
  }
  function order() { var n = parseInt($('order').value, 10); return n >= 1 ? n : 1; }
  // An error as the program writes it ("syntax error at column 4: unexpected '*'", from the
  // same catalogue).
  function errorText(e) {
    if (e.column == null) return e.message;
    var form = e.kind === 'syntax error' ? 'syntax error at column %ld: %s\n' : 'error at column %ld: %s\n';
    return fill(tr(form), [e.column, e.message]).replace(/\n$/, '');
  }
  function showError(r, text) {
    var e = r.error, box = $('error');
    box.hidden = false;
    $('error-message').textContent = $('error-message').dataset.message = errorText(e);
    if (e.column != null && text != null) {
      var chars = Array.from(text), col = e.column - 1, from = Math.max(0, col - 60);
      $('error-caret').textContent = chars.slice(from, from + 120).join('') + '\n' + ' '.repeat(col - from) + '^';
    } else {
      $('error-caret').textContent = '';
    }
  }
  function clearError() { $('error').hidden = true; }
  // The program's text in a monospace box: its tables are padded for a terminal, where Hangul
  // (and any East Asian wide character) takes two columns; a browser's fallback font for them
  // is not that wide, so each is given two columns here.
  var WIDE = /([\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]+)/;
  function monoText(el, text) {
    el.textContent = '';
    text.split(WIDE).forEach(function (part, i) {
      if (i % 2 === 0) { el.appendChild(document.createTextNode(part)); return; }
      Array.from(part).forEach(function (ch) {
        var w = document.createElement('span');
        w.className = 'wide';
        w.textContent = ch;
        el.appendChild(w);
      });
    });
  }
  function list(el, items) {
    el.innerHTML = '';
    items.forEach(function (n) { var li = document.createElement('li'); li.textContent = n; el.appendChild(li); });
  }

  // --- the live part: every keystroke reads f, derives it, and plots f and f' --------------
  var currentVar = 'x', wantedVar = '', generation = 0;
  function update() {
    var f = $('expr').value, gen = ++generation, t0 = performance.now();
    saveUrl();
    // a heavy input still working is abandoned for the new one
    if (Object.keys(pending).length && performance.now() - Math.min.apply(null,
        Object.keys(pending).map(function (id) { return pending[id].since; })) > 250) cancel();
    if (!f.trim()) return;
    call('derivative', [f, wantedVar, order()]).then(function (m) {
      if (gen !== generation) return;
      var r = m.result, d = $('derivative');
      d.dataset.expr = f; // the text this answer is for
      if (!r.ok) {
        d.dataset.state = 'error';
        d.dataset.plain = '';
        d.textContent = '';
        // nothing of the last formula stays beside the error
        $('steps').textContent = '';
        plot.data = null;
        plot.draw();
        if (r.error.field === 'f') { showError(r, f); $('preview').textContent = ''; list($('notes'), []); }
        else { showError(r, null); }
        return;
      }
      clearError();
      setVars(r.input.vars, r.input.var);
      tex($('preview'), r.input.latex);
      list($('notes'), r.input.notes);
      $('derivative-label').textContent = derivativeLabel();
      tex(d, r.latex, true);
      d.dataset.plain = r.plain;
      d.dataset.ms = m.ms.toFixed(2); // in the library
      d.dataset.latency = (performance.now() - t0).toFixed(2); // keystroke to answer
      d.dataset.state = 'ready';
      list($('kinks'), r.kinks);
      steps(f, gen);
      plot.redraw(true);
      runLinked();
    }, function () {
      if (gen !== generation) return;
      $('derivative').dataset.state = 'error';
      showError({ error: { kind: 'error', message: t('cancelled'), column: null } }, null);
    });
  }
  function setVars(vars, v) {
    currentVar = v;
    $('var-shown').textContent = v;
    var sel = $('var'), names = vars.length ? vars : ['x'];
    if (sel.options.length !== names.length || names.some(function (n, i) { return sel.options[i].value !== n; })) {
      sel.innerHTML = '';
      names.forEach(function (n) { var o = document.createElement('option'); o.value = o.textContent = n; sel.appendChild(o); });
    }
    sel.value = v;
  }
  function steps(f, gen) {
    if (order() !== 1) { $('steps').textContent = ''; return; }
    call('steps', [f, currentVar]).then(function (m) {
      if (gen !== generation) return;
      if (m.result.ok) tex($('steps'), m.result.latex, true);
      else $('steps').textContent = m.result.error.message;
    }, function () {});
  }

  // --- the panels on demand: each its library call, its text as the program prints it -------
  function panel(name, args, out, after) {
    out.dataset.state = 'working';
    call(name, args).then(function (m) {
      var r = m.result;
      out.classList.toggle('bad', !r.ok);
      monoText(out, r.ok ? r.text : errorText(r.error));
      out.dataset.state = r.ok ? 'ready' : 'error';
      if (after) after(r.ok ? r : null);
    }, function () { out.textContent = t('cancelled'); out.dataset.state = 'error'; });
  }
  function check() {
    var verdict = $('check-verdict'), answer = $('answer').value;
    verdict.dataset.verdict = '';
    verdict.textContent = '';
    shown.check = answer;
    saveUrl();
    panel('check', [$('expr').value, currentVar, order(), answer], $('check-text'), function (r) {
      if (!r) return;
      var v = r.json.verdict === 'correct' ? 'correct' : 'incorrect';
      verdict.dataset.verdict = v;
      verdict.className = v;
      verdict.textContent = t(v);
    });
  }
  function tangentAt(at) {
    $('tangent-at').value = at;
    shown.tangent = String(at);
    saveUrl();
    panel('tangent', [$('expr').value, currentVar, String(at)], $('tangent-text'), function (r) {
      plot.tangent = r && r.json.differentiable !== false && r.json.slope != null ?
        { x: r.json.point[0], y: r.json.point[1], slope: r.json.slope } : null;
      plot.draw();
    });
  }
  function extrema() {
    shown.extrema = true;
    saveUrl();
    panel('extrema', [$('expr').value, currentVar], $('extrema-text'), function (r) {
      plot.marks = r ? (r.json.critical_points || []).map(function (p) { return { x: p.x, y: p.value, kind: p.kind }; })
        .concat((r.json.inflection_points || []).map(function (p) { return { x: p.x, y: p.value, kind: 'inflection' }; })) : [];
      plot.draw();
    });
  }
  function limit() {
    var at = $('limit-at').value, side = $('limit-side').value;
    shown.limit = { at: at, side: side };
    saveUrl();
    panel('limit', [$('expr').value, currentVar, at, side], $('limit-text'), function (r) {
      // on the plot: the point approached, and the limit (or the one-sided ones) there
      var a = Number(at), j = r && r.json, num = function (v) { return typeof v === 'number' ? v : null; };
      plot.limit = j && isFinite(a) ? { x: a, value: num(j.value_numeric), left: num(j.left_numeric), right: num(j.right_numeric),
                                        continuous: j.continuous === true } : null;
      plot.draw();
    });
  }
  function methodChanged() {
    var m = $('descent-method').value;
    $('beta-row').hidden = m === 'gd';
    $('beta2-row').hidden = m !== 'adam';
  }
  // descent as `dfdx descend f --start S --rate R1,R2 --steps N [--method M --beta B --beta2 B2]`
  function descent(keepView) {
    var q = { start: $('descent-start').value.trim(), rates: $('descent-rates').value.split(/[,\s]+/).filter(Boolean).join(','),
              steps: String(parseInt($('descent-steps').value, 10) || 100), method: $('descent-method').value,
              beta: $('descent-method').value !== 'gd' ? $('descent-beta').value.trim() : '',
              beta2: $('descent-method').value === 'adam' ? $('descent-beta2').value.trim() : '' };
    shown.descend = q;
    saveUrl();
    var rates = q.rates.split(',').map(Number), num = function (s) { return s === '' ? NaN : Number(s); };
    panel('descend', [$('expr').value, currentVar, Number(q.start), rates, Number(q.steps), q.method, num(q.beta), num(q.beta2)],
      $('descent-text'), function (r) {
        plot.paths = r ? r.paths : [];
        if (r && !(keepView && plot.view && !plot.view.auto)) plot.fitPaths();
        plot.redraw(true);
      });
  }

  // --- the plot: the library samples f and f' (poles broken, a robust y-range); the page
  // draws them as SVG, with the tangent, critical points and descent paths over them --------
  var NS = 'http://www.w3.org/2000/svg';
  var plot = {
    W: 760, H: 380, view: null, data: null, tangent: null, limit: null, marks: [], paths: [], dragging: null,
    // f and f' sampled again over the window; #plot[data-state] is "ready" once no sampling
    // is on its way
    sampling: 0,
    redraw: function (keepView) {
      var self = this, v = this.view || { x0: -5, x1: 5 };
      if (!keepView) this.view = null;
      var gen = generation, done = function () { if (--self.sampling === 0) $('plot').dataset.state = 'ready'; };
      this.sampling++;
      $('plot').dataset.state = 'working';
      call('plot', [$('expr').value, currentVar, order(), v.x0, v.x1, 400]).then(function (m) {
        done();
        if (gen !== generation && !keepView) return;
        self.data = m.result.ok ? m.result : null;
        if (self.data && (!self.view || self.view.auto)) {
          // the library's y-range, with a margin so a maximum is not drawn on the edge
          var d = self.data, m = (d.y1 - d.y0) * 0.06;
          self.view = { x0: d.x0, x1: d.x1, y0: d.y0 - m, y1: d.y1 + m, auto: true };
        }
        self.draw();
      }, done);
    },
    fitPaths: function () {
      // the view around the paths where they went below the start, so the steps are seen
      // rather than f' far away or a run that diverged
      var xs = [], ys = [];
      this.paths.forEach(function (p) {
        p.x.forEach(function (x, i) {
          if (isFinite(x) && isFinite(p.loss[i]) && p.loss[i] <= p.loss[0]) { xs.push(x); ys.push(p.loss[i]); }
        });
      });
      if (!xs.length) return;
      var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs), pad = Math.max(1, (hi - lo) * 0.25);
      var ylo = Math.min.apply(null, ys), yhi = Math.max.apply(null, ys), ypad = Math.max(1, (yhi - ylo) * 0.15);
      this.setView(lo - pad, hi + pad, ylo - ypad, yhi + ypad);
    },
    // a window the user chose, rounded to a ten-thousandth of its size: the link carries it
    // exactly, so the linked page draws the same picture
    setView: function (x0, x1, y0, y1) {
      var r = function (a, b) {
        var step = Math.pow(10, Math.floor(Math.log10(b - a)) - 4);
        return [a, b].map(function (v) { return +(Math.round(v / step) * step).toPrecision(12); });
      };
      var x = r(x0, x1), y = r(y0, y1);
      this.view = { x0: x[0], x1: x[1], y0: y[0], y1: y[1] };
    },
    sx: function (x) { return (x - this.view.x0) / (this.view.x1 - this.view.x0) * this.W; },
    sy: function (y) { return this.H - (y - this.view.y0) / (this.view.y1 - this.view.y0) * this.H; },
    line: function (svg, pts, cls) {
      var d = '', pen = false, self = this;
      pts.forEach(function (p) {
        if (p === null || !isFinite(p[1])) { pen = false; return; }
        var Y = Math.max(-1e4, Math.min(1e4, self.sy(p[1])));
        d += (pen ? 'L' : 'M') + self.sx(p[0]).toFixed(1) + ' ' + Y.toFixed(1);
        pen = true;
      });
      var path = document.createElementNS(NS, 'path');
      path.setAttribute('d', d);
      path.setAttribute('class', cls);
      svg.appendChild(path);
    },
    curve: function (svg, c, cls) {
      var d = this.data, n = c.y.length, pts = [], brk = {};
      c.breaks.forEach(function (i) { brk[i] = true; });
      for (var i = 0; i < n; i++) {
        pts.push(c.y[i] === null ? null : [d.x0 + (d.x1 - d.x0) * i / (n - 1), c.y[i]]);
        if (brk[i]) pts.push(null);
      }
      this.line(svg, pts, cls);
    },
    ticks: function (lo, hi, max) {
      var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / max)));
      [1, 2, 5, 10].some(function (m) { if ((hi - lo) / (step * m) <= max) { step *= m; return true; } return false; });
      var out = [];
      for (var v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(Math.abs(v) < step / 1e6 ? 0 : v);
      return { values: out, step: step };
    },
    draw: function () {
      var box = $('plot');
      box.innerHTML = '';
      var svg = document.createElementNS(NS, 'svg');
      svg.setAttribute('viewBox', '0 0 ' + this.W + ' ' + this.H);
      svg.setAttribute('role', 'img');
      box.appendChild(svg);
      if (!this.data || !this.view) return;
      var v = this.view, self = this;
      if (v.y0 === undefined) { v.y0 = this.data.y0; v.y1 = this.data.y1; }
      var tx = this.ticks(v.x0, v.x1, 10), ty = this.ticks(v.y0, v.y1, 6);
      var dec = function (s) { return Math.max(0, -Math.floor(Math.log10(s) + 1e-9)); };
      tx.values.forEach(function (x) {
        self.line(svg, [[x, v.y0], [x, v.y1]], x === 0 ? 'axis' : 'grid');
        self.text(svg, self.sx(x) + 3, self.H - 4, x.toFixed(dec(tx.step)), 'tick');
      });
      ty.values.forEach(function (y) {
        self.line(svg, [[v.x0, y], [v.x1, y]], y === 0 ? 'axis' : 'grid');
        if (self.sy(y) < self.H - 18) self.text(svg, 4, self.sy(y) - 3, y.toFixed(dec(ty.step)), 'tick'); // clear of the x labels
      });
      this.curve(svg, this.data.df, 'df');
      this.curve(svg, this.data.f, 'f');
      if (this.tangent) {
        var tg = this.tangent;
        this.line(svg, [[v.x0, tg.y + tg.slope * (v.x0 - tg.x)], [v.x1, tg.y + tg.slope * (v.x1 - tg.x)]], 'tangent');
        this.dot(svg, tg.x, tg.y, 'tangent-dot');
      }
      if (this.limit) {
        // the point approached (dashed); the limit, filled where f is continuous there and
        // hollow where it is not (a hole); one-sided limits that differ hollow
        var L = this.limit;
        this.line(svg, [[L.x, v.y0], [L.x, v.y1]], 'limit-at');
        if (L.value !== null) this.dot(svg, L.x, L.value, L.continuous ? 'limit-dot' : 'limit-side');
        else [L.left, L.right].forEach(function (y) { if (y !== null) self.dot(svg, L.x, y, 'limit-side'); });
      }
      this.marks.forEach(function (m) { self.dot(svg, m.x, m.y, 'mark ' + m.kind); });
      this.paths.forEach(function (p, k) {
        var pts = p.x.map(function (x, i) { return [x, p.loss[i]]; });
        self.line(svg, pts, 'path path' + k % 6);
        pts.forEach(function (q) { if (isFinite(q[1])) self.dot(svg, q[0], q[1], 'step path' + k % 6, 2.5); });
        if (pts.length) self.dot(svg, pts[0][0], pts[0][1], 'start', 5);
      });
      var legend = '<span class="key f"></span> f &nbsp; <span class="key df"></span> f′' +
        (this.tangent ? ' &nbsp; <span class="key tangent"></span> ' + t('tangent') : '');
      this.paths.forEach(function (p, k) { legend += ' &nbsp; <span class="key path' + k % 6 + '"></span> η = ' + p.rate; });
      $('plot-legend').innerHTML = legend;
    },
    dot: function (svg, x, y, cls, r) {
      var c = document.createElementNS(NS, 'circle');
      c.setAttribute('cx', this.sx(x)); c.setAttribute('cy', this.sy(y)); c.setAttribute('r', r || 5);
      c.setAttribute('class', cls);
      svg.appendChild(c);
    },
    text: function (svg, x, y, s, cls) {
      var e = document.createElementNS(NS, 'text');
      e.setAttribute('x', x); e.setAttribute('y', y); e.setAttribute('class', cls);
      e.textContent = s;
      svg.appendChild(e);
    },
    // screen (client) coordinates to the plot's
    at: function (ev) {
      var r = $('plot').querySelector('svg').getBoundingClientRect(), v = this.view;
      var px = (ev.clientX - r.left) / r.width, py = (ev.clientY - r.top) / r.height;
      return { x: v.x0 + px * (v.x1 - v.x0), y: v.y1 - py * (v.y1 - v.y0), px: px, py: py };
    },
  };
  var plotBox = $('plot');
  plotBox.addEventListener('mousedown', function (ev) {
    if (!plot.view) return;
    plot.dragging = { x: ev.clientX, y: ev.clientY, view: Object.assign({}, plot.view), moved: false };
  });
  window.addEventListener('mousemove', function (ev) {
    var d = plot.dragging;
    if (!d) return;
    var r = plotBox.getBoundingClientRect(), dx = (ev.clientX - d.x) / r.width, dy = (ev.clientY - d.y) / r.height;
    if (Math.abs(ev.clientX - d.x) + Math.abs(ev.clientY - d.y) > 4) d.moved = true;
    if (!d.moved) return;
    var w = d.view.x1 - d.view.x0, h = d.view.y1 - d.view.y0;
    plot.setView(d.view.x0 - dx * w, d.view.x1 - dx * w, d.view.y0 + dy * h, d.view.y1 + dy * h);
    plot.draw();
  });
  window.addEventListener('mouseup', function (ev) {
    var d = plot.dragging;
    plot.dragging = null;
    if (!d) return;
    if (d.moved) { plot.redraw(true); saveUrl(); return; }
    pick(Number(plot.at(ev).x.toPrecision(3)));
  });
  plotBox.addEventListener('wheel', function (ev) {
    if (!plot.view) return;
    ev.preventDefault();
    var p = plot.at(ev), k = ev.deltaY > 0 ? 1.25 : 0.8, v = plot.view;
    plot.setView(p.x - (p.x - v.x0) * k, p.x + (v.x1 - p.x) * k, p.y - (p.y - v.y0) * k, p.y + (v.y1 - p.y) * k);
    plot.draw();
    $('plot').dataset.state = 'working';
    clearTimeout(plot.wheelTimer);
    plot.wheelTimer = setTimeout(function () { plot.redraw(true); saveUrl(); }, 150);
  }, { passive: false });
  plotBox.addEventListener('dblclick', function () { plot.view = null; plot.redraw(false); saveUrl(); });

  // A click on the plot picks a point: for the tangent, the limit, or descent's start.
  function pickMode() { var r = document.querySelector('input[name=pick]:checked'); return r ? r.value : 'tangent'; }
  function pick(x) {
    var m = pickMode();
    if (m === 'limit') { $('limit-at').value = x; limit(); }
    else if (m === 'start') { $('descent-start').value = x; descent(true); }
    else tangentAt(x);
  }

  // --- wiring ---------------------------------------------------------------------------------
  startWorker();
  loadUrl();
  // a new formula: the panels' answers were for the old one
  function forget() {
    shown = {};
    plot.tangent = null; plot.limit = null; plot.marks = []; plot.paths = []; plot.view = null;
    ['check-text', 'tangent-text', 'extrema-text', 'limit-text', 'descent-text'].forEach(function (id) { $(id).textContent = ''; });
    $('check-verdict').dataset.verdict = '';
    $('check-verdict').textContent = '';
  }
  $('expr').addEventListener('input', function () { wantedVar = ''; forget(); update(); });
  $('var').addEventListener('change', function () { wantedVar = $('var').value; forget(); update(); });
  $('order').addEventListener('input', function () { plot.view = null; update(); });
  $('cancel').addEventListener('click', cancel);
  $('check-btn').addEventListener('click', check);
  $('answer').addEventListener('keydown', function (e) { if (e.key === 'Enter') check(); });
  $('tangent-btn').addEventListener('click', function () { tangentAt($('tangent-at').value); });
  $('extrema-btn').addEventListener('click', extrema);
  $('limit-btn').addEventListener('click', limit);
  $('descent-btn').addEventListener('click', function () { descent(false); });
  $('descent-method').addEventListener('change', methodChanged);
  document.querySelectorAll('input[name=pick]').forEach(function (r) { r.addEventListener('change', saveUrl); });
  document.querySelectorAll('.lang button').forEach(function (b) {
    b.addEventListener('click', function () { setLang(b.dataset.lang, true); });
  });
  update();
})();
