// The worker's loop, appended to the library's script (--post-js): each message
// {id, call, args} runs one dxw_<call> of src/web/web.c and answers {id, result}. The page
// keeps the tab responsive by running nothing of the library itself, and cancels a call that
// takes too long by ending this worker and starting another.
var dxwReady = false, dxwQueue = [];
var dxwCalls = {
  derivative: ['string', 'string', 'number'],
  steps: ['string', 'string'],
  check: ['string', 'string', 'number', 'string'],
  tangent: ['string', 'string', 'string'],
  extrema: ['string', 'string'],
  limit: ['string', 'string', 'string', 'string'],
  plot: ['string', 'string', 'number', 'number', 'number', 'number'],
};

function dxwRun(msg) {
  var t0 = performance.now(), p;
  if (msg.call === 'descend') {
    // (f, var, start, rates[], steps): the rates go in as an array of doubles
    var rates = msg.args[3], buf = _malloc(8 * rates.length);
    for (var i = 0; i < rates.length; i++) HEAPF64[(buf >> 3) + i] = rates[i];
    p = ccall('dxw_descend', 'number', ['string', 'string', 'number', 'number', 'number', 'number'],
              [msg.args[0], msg.args[1], msg.args[2], buf, rates.length, msg.args[4]]);
    _free(buf);
  } else {
    p = ccall('dxw_' + msg.call, 'number', dxwCalls[msg.call], msg.args);
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
