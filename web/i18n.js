// The page's own words (headings, labels, buttons), in English. Each is a msgid of the program's
// catalogue: po/extract.sh takes the N_() strings of this file into po/dfdx.pot, so they are
// translated in po/LANG.po with everything the library and the program say, and reach the page
// through catalogue.js (web/po2js.js).
function N_(english) { return english; }
var DX_LABELS = {
  tagline: N_('Exact derivatives, step by step — the same answers as the dfdx program.'),
  variable: N_('variable'), order: N_('order'), working: N_('working…'), cancel: N_('cancel'),
  readAs: N_('read as'), plot: N_('f and f′'),
  plotHint: N_('drag to pan · wheel to zoom · double-click to fit'),
  clickSets: N_('a click on the plot sets'), pickTangent: N_('the tangent point'),
  pickLimit: N_('the limit point'), pickStart: N_('the descent start'),
  steps: N_('Steps'), check: N_('Check my answer'), yourAnswer: N_('your derivative'), checkBtn: N_('check'),
  tangent: N_('Tangent line'), atPoint: N_('at'), show: N_('show'), extrema: N_('Extrema'), find: N_('find'),
  limit: N_('Limit'), both: N_('both sides'), left: N_('from the left'), right: N_('from the right'),
  descent: N_('Gradient descent'), start: N_('start'), rates: N_('learning rates'), stepsN: N_('steps'),
  method: N_('method'), run: N_('run'),
  correct: N_('correct'), incorrect: N_('incorrect'),
  derivative1: N_('derivative'), derivative2: N_('second derivative'), derivativeN: N_('derivative of order {0}'),
  cancelled: N_('cancelled: that took too long'),
  footer: N_('dfdx runs here, in your browser, as WebAssembly: nothing is sent anywhere.'),
};
