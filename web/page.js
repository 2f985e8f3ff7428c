// The page: sends what the user types to the library in a Web Worker and shows its answers.
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };

  // --- the worker: the library, started from its script's text (a page opened from disk may
  // not start a worker from a file); a call that runs long can be cancelled by ending it -----
  var worker = null, ready = null, nextId = 1, pending = {};
  function startWorker() {
    var url = URL.createObjectURL(new Blob([DFDX_WORKER_SRC], { type: 'text/javascript' }));
    worker = new Worker(url);
    ready = new Promise(function (resolve) {
      worker.onmessage = function (e) {
        if (e.data.ready) { resolve(); return; }
        var p = pending[e.data.id];
        if (!p) return;
        delete pending[e.data.id];
        showWorking();
        p.resolve(e.data);
      };
    });
  }
  function call(name, args) {
    var id = nextId++;
    return new Promise(function (resolve, reject) {
      pending[id] = { resolve: resolve, reject: reject, since: performance.now() };
      ready.then(function () { worker.postMessage({ id: id, call: name, args: args }); });
      setTimeout(showWorking, 150);
    });
  }
  function cancel() {
    worker.terminate();
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

  // --- language ---------------------------------------------------------------------------
  var lang = 'en';
  function t(key) { return DX_I18N[lang][key]; }
  function setLang(l) {
    lang = DX_I18N[l] ? l : 'en';
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.dataset.t); });
    document.querySelectorAll('.lang button').forEach(function (b) { b.classList.toggle('on', b.dataset.lang === lang); });
    $('derivative-label').textContent = t('derivative')(order(), currentVar || 'x');
    var v = $('check-verdict').dataset.verdict;
    if (v) $('check-verdict').textContent = t(v === 'correct' ? 'correct' : 'incorrect');
    saveUrl();
  }

  // --- the state in the URL, so a link reproduces the view --------------------------------
  function saveUrl() {
    var q = new URLSearchParams();
    q.set('f', $('expr').value);
    if ($('var').value && $('var').value !== 'x') q.set('var', $('var').value);
    if (order() !== 1) q.set('order', order());
    q.set('lang', lang);
    history.replaceState(null, '', '#' + q.toString());
  }
  function loadUrl() {
    var q = new URLSearchParams(location.hash.slice(1));
    var prefersKo = (navigator.languages || [navigator.language]).some(function (l) { return /^ko\b/i.test(l); });
    $('expr').value = q.has('f') ? q.get('f') : 'x^3 - 3x';
    if (q.has('order')) $('order').value = q.get('order');
    wantedVar = q.get('var') || '';
    setLang(q.get('lang') || (prefersKo ? 'ko' : 'en'));
  }

  // --- rendering helpers ------------------------------------------------------------------
  function tex(el, latex, display) {
    try { katex.render(latex, el, { displayMode: !!display, throwOnError: false, strict: false }); }
    catch (e) { el.textContent = latex; }
  }
  function order() { var n = parseInt($('order').value, 10); return n >= 1 ? n : 1; }
  function showError(r, text) {
    var e = r.error, box = $('error');
    box.hidden = false;
    var where = e.column != null ? (e.kind === 'syntax error' ? t('syntaxAt')(e.column) : t('error') + ' at column ' + e.column)
                                 : t('error');
    $('error-message').textContent = where + ': ' + e.message;
    $('error-message').dataset.message = e.kind + (e.column != null ? ' at column ' + e.column : '') + ': ' + e.message;
    if (e.column != null && text != null) {
      var chars = Array.from(text), col = e.column - 1, from = Math.max(0, col - 60);
      $('error-caret').textContent = chars.slice(from, from + 120).join('') + '\n' + ' '.repeat(col - from) + '^';
    } else {
      $('error-caret').textContent = '';
    }
  }
  function clearError() { $('error').hidden = true; }

  // --- the live part: every keystroke reads f, derives it, and plots f and f' --------------
  var currentVar = 'x', wantedVar = '', generation = 0, lastInput = null;
  function update() {
    var f = $('expr').value, gen = ++generation, t0 = performance.now();
    saveUrl();
    // a heavy input still working is abandoned for the new one
    if (Object.keys(pending).length && performance.now() - Math.min.apply(null,
        Object.keys(pending).map(function (id) { return pending[id].since; })) > 250) cancel();
    if (!f.trim()) return;
    var v = wantedVar; // chosen in the list; else the program's choice (x, or the first)
    call('derivative', [f, v, order()]).then(function (m) {
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
        if (r.error.field === 'f') { showError(r, f); $('preview').textContent = ''; $('notes').innerHTML = ''; }
        else { showError(r, null); }
        return;
      }
      clearError();
      lastInput = r.input;
      setVars(r.input.vars, r.input.var);
      tex($('preview'), r.input.latex);
      $('notes').innerHTML = '';
      r.input.notes.forEach(function (n) { var li = document.createElement('li'); li.textContent = n; $('notes').appendChild(li); });
      $('derivative-label').textContent = t('derivative')(order(), currentVar);
      tex(d, r.latex, true);
      d.dataset.plain = r.plain;
      d.dataset.ms = m.ms.toFixed(2); // in the library
      d.dataset.latency = (performance.now() - t0).toFixed(2); // keystroke to answer
      d.dataset.state = 'ready';
      $('kinks').innerHTML = '';
      r.kinks.forEach(function (k) { var li = document.createElement('li'); li.textContent = k; $('kinks').appendChild(li); });
      steps(f, gen);
      plot.redraw(true);
    }, function () {
      if (gen !== generation) return;
      $('derivative').dataset.state = 'error';
      showError({ error: { kind: 'error', message: t('cancelled'), column: null } }, null);
    });
  }
  function setVars(vars, v) {
    currentVar = v;
    $('var-shown').textContent = v;
    var sel = $('var'), list = vars.length ? vars : ['x'];
    if (sel.options.length !== list.length || list.some(function (n, i) { return sel.options[i].value !== n; })) {
      sel.innerHTML = '';
      list.forEach(function (n) { var o = document.createElement('option'); o.value = o.textContent = n; sel.appendChild(o); });
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

  // --- the panels on demand -----------------------------------------------------------------
  function panel(name, args, out, after) {
    call(name, args).then(function (m) {
      var r = m.result;
      if (!r.ok) {
        out.textContent = (r.error.column != null ? (r.error.kind + ' at column ' + r.error.column + ': ') : '') + r.error.message;
        out.classList.add('bad');
        if (after) after(null);
        return;
      }
      out.classList.remove('bad');
      out.textContent = r.text;
      if (after) after(r);
    }, function () { out.textContent = t('cancelled'); });
  }
  function check() {
    var verdict = $('check-verdict');
    verdict.dataset.verdict = '';
    verdict.textContent = '';
    panel('check', [$('expr').value, currentVar, order(), $('answer').value], $('check-text'), function (r) {
      if (!r) return;
      var v = r.json.verdict === 'correct' ? 'correct' : 'incorrect';
      verdict.dataset.verdict = v;
      verdict.className = v;
      verdict.textContent = t(v);
    });
  }
  function tangentAt(at) {
    $('tangent-at').value = at;
    panel('tangent', [$('expr').value, currentVar, String(at)], $('tangent-text'), function (r) {
      plot.tangent = r && r.json.differentiable !== false && r.json.slope != null ?
        { x: r.json.point[0], y: r.json.point[1], slope: r.json.slope } : null;
      plot.draw();
    });
  }
  function extrema() {
    panel('extrema', [$('expr').value, currentVar], $('extrema-text'), function (r) {
      plot.marks = r ? (r.json.critical_points || []).map(function (p) { return { x: p.x, y: p.value, kind: p.kind }; }) : [];
      plot.draw();
    });
  }
  function limit() {
    panel('limit', [$('expr').value, currentVar, $('limit-at').value, $('limit-side').value], $('limit-text'));
  }
  function descent() {
    var rates = $('descent-rates').value.split(/[,\s]+/).filter(Boolean).map(Number);
    var x0 = Number($('descent-start').value), n = parseInt($('descent-steps').value, 10) || 100;
    panel('descend', [$('expr').value, currentVar, x0, rates, n], $('descent-text'), function (r) {
      plot.paths = r ? r.paths : [];
      if (r) plot.fitPaths();
      plot.redraw(true);
    });
  }

  // --- the plot: the library samples f and f' (poles broken, a robust y-range); the page
  // draws them as SVG, with the tangent, critical points and descent paths over them --------
  var NS = 'http://www.w3.org/2000/svg';
  var plot = {
    W: 760, H: 380, view: null, data: null, tangent: null, marks: [], paths: [], dragging: null,
    redraw: function (keepView) {
      var self = this, v = this.view || { x0: -5, x1: 5 };
      if (!keepView) this.view = null;
      var gen = generation;
      call('plot', [$('expr').value, currentVar, order(), v.x0, v.x1, 400]).then(function (m) {
        if (gen !== generation && !keepView) return;
        self.data = m.result.ok ? m.result : null;
        if (self.data && (!self.view || self.view.auto)) self.view = { x0: self.data.x0, x1: self.data.x1, y0: self.data.y0, y1: self.data.y1, auto: true };
        self.draw();
      }, function () {});
    },
    fitPaths: function () {
      // the view around the paths, so the steps are seen rather than f' far away
      var xs = [], ys = [];
      this.paths.forEach(function (p) {
        p.x.forEach(function (x, i) { if (isFinite(x) && isFinite(p.loss[i])) { xs.push(x); ys.push(p.loss[i]); } });
      });
      if (!xs.length) return;
      var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs), pad = Math.max(1, (hi - lo) * 0.25);
      var ylo = Math.min.apply(null, ys), yhi = Math.max.apply(null, ys), ypad = Math.max(1, (yhi - ylo) * 0.15);
      this.view = { x0: lo - pad, x1: hi + pad, y0: ylo - ypad, y1: yhi + ypad };
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
      this.marks.forEach(function (m) { self.dot(svg, m.x, m.y, 'mark ' + m.kind); });
      this.paths.forEach(function (p, k) {
        var pts = p.x.map(function (x, i) { return [x, p.loss[i]]; });
        self.line(svg, pts, 'path path' + k);
        pts.forEach(function (q) { if (isFinite(q[1])) self.dot(svg, q[0], q[1], 'step path' + k, 2.5); });
      });
      var legend = '<span class="key f"></span> f &nbsp; <span class="key df"></span> f′' +
        (this.tangent ? ' &nbsp; <span class="key tangent"></span> ' + t('tangent') : '');
      this.paths.forEach(function (p, k) { legend += ' &nbsp; <span class="key path' + k + '"></span> η = ' + p.rate; });
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
    plot.view = { x0: d.view.x0 - dx * w, x1: d.view.x1 - dx * w, y0: d.view.y0 + dy * h, y1: d.view.y1 + dy * h };
    plot.draw();
  });
  window.addEventListener('mouseup', function (ev) {
    var d = plot.dragging;
    plot.dragging = null;
    if (!d) return;
    if (d.moved) { plot.redraw(true); return; }
    var p = plot.at(ev);
    tangentAt(Number(p.x.toPrecision(3)));
  });
  plotBox.addEventListener('wheel', function (ev) {
    if (!plot.view) return;
    ev.preventDefault();
    var p = plot.at(ev), k = ev.deltaY > 0 ? 1.25 : 0.8, v = plot.view;
    plot.view = { x0: p.x - (p.x - v.x0) * k, x1: p.x + (v.x1 - p.x) * k, y0: p.y - (p.y - v.y0) * k, y1: p.y + (v.y1 - p.y) * k };
    plot.draw();
    clearTimeout(plot.wheelTimer);
    plot.wheelTimer = setTimeout(function () { plot.redraw(true); }, 150);
  }, { passive: false });

  // --- wiring ---------------------------------------------------------------------------------
  startWorker();
  loadUrl();
  $('expr').addEventListener('input', function () {
    wantedVar = '';
    plot.tangent = null; plot.marks = []; plot.paths = []; plot.view = null;
    update();
  });
  $('var').addEventListener('change', function () { wantedVar = $('var').value; plot.view = null; update(); });
  $('order').addEventListener('input', function () { plot.view = null; update(); });
  $('cancel').addEventListener('click', cancel);
  $('check-btn').addEventListener('click', check);
  $('answer').addEventListener('keydown', function (e) { if (e.key === 'Enter') check(); });
  $('tangent-btn').addEventListener('click', function () { tangentAt($('tangent-at').value); });
  $('extrema-btn').addEventListener('click', extrema);
  $('limit-btn').addEventListener('click', limit);
  $('descent-btn').addEventListener('click', descent);
  document.querySelectorAll('.lang button').forEach(function (b) {
    b.addEventListener('click', function () { setLang(b.dataset.lang); });
  });
  update();
})();
