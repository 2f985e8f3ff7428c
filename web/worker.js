// The worker's loop, appended to the library's script (--post-js): each message
// {id, call, args, lang} runs one dxw_<call> of src/web/web.c in the page's language and
// answers {id, result}. The page keeps the tab responsive by running nothing of the library
// itself, and cancels a call that takes too long by ending this worker and starting another.
// The page puts DX_PO (its catalogues, catalogue.js) before this script.
var dxwReady = false, dxwQueue = [], dxwLang = 'en';
var dxwCalls = {
  derivative: ['string', 'string', 'number'],
  steps: ['string', 'string'],
  check: ['string', 'string', 'number', 'string'],
  tangent: ['string', 'string', 'string'],
  extrema: ['string', 'string'],
  limit: ['string', 'string', 'string', 'string'],
  plot: ['string', 'string', 'number', 'number', 'number', 'number'],
};

// The library's words in lang: the program's catalogue for it, or English without one.
function dxwSetLang(lang) {
  if (lang === dxwLang) return;
  dxwLang = lang;
  _dxw_catalogue_clear();
  var po = DX_PO[lang];
  if (!po) return;
  Object.keys(po.messages).forEach(function (english) {
    var tr = po.messages[english], forms = typeof tr === 'string' ? [tr] : tr;
    ccall('dxw_catalogue_add', 'number', ['string', 'string', 'string'], [english, forms[0], forms.length > 1 ? forms[1] : null]);
  });
  _dxw_translate(1);
}

function dxwRun(msg) {
  var t0 = performance.now(), p, a = msg.args;
  dxwSetLang(msg.lang);
  if (msg.call === 'descend') {
    // (f, var, start, rates[], steps, method, beta, beta2): the rates go in as doubles
    var rates = a[3], buf = _malloc(8 * rates.length);
    for (var i = 0; i < rates.length; i++) HEAPF64[(buf >> 3) + i] = rates[i];
    p = ccall('dxw_descend', 'number', ['string', 'string', 'number', 'number', 'number', 'number', 'string', 'number', 'number'],
              [a[0], a[1], a[2], buf, rates.length, a[4], a[5], a[6], a[7]]);
    _free(buf);
  } else {
    p = ccall('dxw_' + msg.call, 'number', dxwCalls[msg.call], a);
  }
  var text = UTF8ToString(p);
  _dxw_free(p);
  postMessage({ id: msg.id, call: msg.call, result: JSON.parse(text), ms: performance.now() - t0 });
}

Module['onRuntimeInitialized'] = function () {
  dxwReady = true;
  dxwQueue.forEach(dxwRun);
  dxwQueue = [];
  postMessage({ ready: true });
};

onmessage = function (e) {
  if (dxwReady) dxwRun(e.data);
  else dxwQueue.push(e.data);
};
