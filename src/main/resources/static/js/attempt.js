// Taking an attempt: every answer is saved through the JSON API as soon as it changes (text after a short
// pause), anything unsaved is saved again every 30 seconds, and the countdown shows the server's deadline
// (corrected for the difference between this computer's clock and the server's). When time is up, the
// answers are saved and the attempt is submitted; the server's grace period covers the round trip.
(function () {
  'use strict';
  var form = document.getElementById('attempt-form');
  if (!form) { return; }
  var attempt = form.getAttribute('data-attempt');
  var status = document.getElementById('save-state');
  var submitForm = document.getElementById('submit-form');
  var dirty = {};
  var timers = {};
  var inFlight = 0;
  var closed = false;
  var submitting = false;

  function say(kind, extra) {
    status.className = 'save-state ' + kind;
    var text = status.getAttribute('data-' + kind) || '';
    status.textContent = extra ? text + ' ' + extra : text;
  }

  function fieldset(id) {
    return form.querySelector('[data-question="' + id + '"]');
  }

  // The answer of one question in the API's form; null clears it; undefined when it cannot be sent.
  function valueOf(fs) {
    var type = fs.getAttribute('data-type');
    var inputs = Array.prototype.filter.call(fs.querySelectorAll('input, textarea, select'),
      function (i) { return !i.classList.contains('flag-toggle'); });
    if (type === 'multichoice') {
      var chosen = [];
      inputs.forEach(function (i) { if (i.checked) { chosen.push(i.value); } });
      if (fs.getAttribute('data-multiple') === 'true') { return chosen.length ? chosen : null; }
      return chosen.length ? chosen[0] : null;
    }
    if (type === 'truefalse') {
      var value = null;
      inputs.forEach(function (i) { if (i.checked) { value = i.value === 'true'; } });
      return value;
    }
    if (type === 'match') {
      var pairs = {};
      var any = false;
      inputs.forEach(function (s) { if (s.value) { pairs[s.getAttribute('data-stem')] = s.value; any = true; } });
      return any ? pairs : null;
    }
    var text = inputs[0].value;
    if (type === 'numerical') {
      text = text.trim().replace(',', '.');
      if (text === '') { return null; }
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) ? text : undefined;
    }
    return text.trim() === '' ? null : text;
  }

  function save(id) {
    var fs = fieldset(id);
    if (!fs || closed) { return Promise.resolve(false); }
    var value = valueOf(fs);
    if (value === undefined) { say('number'); return Promise.resolve(false); }
    delete dirty[id];
    inFlight++;
    say('saving');
    return window.scFetch('/api/attempts/' + attempt + '/answers/' + id, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ answer: value })
    }).then(function (r) {
      inFlight--;
      if (r.ok) {
        if (inFlight === 0 && Object.keys(dirty).length === 0) { say('saved', new Date().toLocaleTimeString()); }
        return true;
      }
      if (r.status === 409) {
        closed = true;
        say('closed');
        if (!submitting) { setTimeout(function () { window.location.reload(); }, 1500); }
        return false;
      }
      dirty[id] = true;
      return r.json().then(function (body) { say('failed', body && body.message ? body.message : ''); return false; },
        function () { say('failed'); return false; });
    }, function () {
      inFlight--;
      dirty[id] = true;
      say('failed');
      return false;
    });
  }

  function flush() {
    Object.keys(timers).forEach(function (id) { clearTimeout(timers[id]); delete timers[id]; });
    return Promise.all(Object.keys(dirty).map(save));
  }

  function questionOf(el) {
    var fs = el.closest('[data-question]');
    return fs ? fs.getAttribute('data-question') : null;
  }

  form.addEventListener('change', function (e) {
    if (e.target.classList.contains('flag-toggle')) { return; }
    var id = questionOf(e.target);
    if (id) { dirty[id] = true; clearTimeout(timers[id]); delete timers[id]; save(id); }
  });
  form.addEventListener('input', function (e) {
    var id = questionOf(e.target);
    if (!id || e.target.tagName === 'SELECT' || e.target.type === 'radio' || e.target.type === 'checkbox') { return; }
    dirty[id] = true;
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { delete timers[id]; save(id); }, 1500);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  setInterval(function () { if (Object.keys(dirty).length) { flush(); } }, 30000);

  function submitNow() {
    if (submitting) { return; }
    submitting = true;
    flush().then(function () { submitForm.submit(); });
  }
  // The question navigator: answered / not answered (from the server for every question, kept up to date
  // here for the questions on this page) and flagged for review (kept in this browser only, per attempt).
  var navigator = document.getElementById('question-navigator');
  var flagKey = 'sc-flags-' + attempt;
  function flags() {
    try { return JSON.parse(window.localStorage.getItem(flagKey) || '[]'); } catch (e) { return []; }
  }
  function storeFlags(list) {
    try { window.localStorage.setItem(flagKey, JSON.stringify(list)); } catch (e) { /* private mode: flags last for this page */ }
  }
  function showState(id) {
    var link = document.getElementById('nav-' + id);
    if (!link) { return; }
    var fs = fieldset(id);
    if (fs) {
      var v = valueOf(fs);
      var answered = v !== null && v !== undefined;
      link.classList.toggle('answered', answered);
      link.classList.toggle('unanswered', !answered);
    }
    var flagged = flags().indexOf(id) >= 0;
    link.classList.toggle('flagged', flagged);
    var text = link.querySelector('.state-text');
    var label = link.classList.contains('answered') ? 'data-answered-label' : 'data-unanswered-label';
    text.textContent = navigator.getAttribute(label) + (flagged ? ' · ' + navigator.getAttribute('data-flagged-label') : '');
  }
  if (navigator) {
    var saved = flags();
    document.querySelectorAll('.flag-toggle').forEach(function (box) {
      var id = box.getAttribute('data-flag');
      box.checked = saved.indexOf(id) >= 0;
      box.addEventListener('change', function () {
        var list = flags().filter(function (x) { return x !== id; });
        if (box.checked) { list.push(id); }
        storeFlags(list);
        showState(id);
      });
    });
    navigator.querySelectorAll('[data-nav]').forEach(function (link) { showState(link.getAttribute('data-nav')); });
    form.addEventListener('change', function (e) { var id = questionOf(e.target); if (id) { showState(id); } });
    form.addEventListener('input', function (e) { var id = questionOf(e.target); if (id) { showState(id); } });
  }

  // Submitting asks first, naming how many questions are not answered (and how many are flagged).
  var dialog = document.getElementById('confirm-submit');
  function fill(pattern, a, b) { return pattern.replace('{0}', a).replace('{1}', b); }
  function confirmSubmit() {
    if (!dialog || !navigator || typeof dialog.showModal !== 'function') { submitNow(); return; }
    var links = navigator.querySelectorAll('[data-nav]');
    var total = links.length;
    var open = navigator.querySelectorAll('[data-nav].unanswered').length;
    var flagged = navigator.querySelectorAll('[data-nav].flagged').length;
    var line = open === 0 ? fill(dialog.getAttribute('data-all'), total, total)
      : fill(dialog.getAttribute(open === 1 ? 'data-one' : 'data-many'), open, total);
    document.getElementById('confirm-unanswered').textContent = line;
    var flagLine = document.getElementById('confirm-flagged');
    flagLine.hidden = flagged === 0;
    flagLine.textContent = flagged === 0 ? '' : fill(dialog.getAttribute(flagged === 1 ? 'data-flagged-one' : 'data-flagged-many'), flagged, total);
    dialog.showModal();
  }
  if (dialog) {
    document.getElementById('confirm-yes').addEventListener('click', function () { dialog.close(); submitNow(); });
    document.getElementById('confirm-no').addEventListener('click', function () { dialog.close(); });
  }
  submitForm.addEventListener('submit', function (e) { e.preventDefault(); confirmSubmit(); });

  document.querySelectorAll('a[data-flush]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      flush().then(function () { window.location.href = a.href; });
    });
  });

  var countdown = document.getElementById('countdown');
  var deadline = Date.parse(countdown.getAttribute('data-deadline'));
  var skew = Date.parse(countdown.getAttribute('data-now')) - Date.now();
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function tick() {
    var left = Math.max(0, Math.floor((deadline - (Date.now() + skew)) / 1000));
    var h = Math.floor(left / 3600);
    var m = Math.floor((left % 3600) / 60);
    countdown.textContent = (h ? h + ':' + pad(m) : m) + ':' + pad(left % 60);
    countdown.className = left <= 60 ? 'ending' : '';
    if (left === 0 && !submitting && !closed) {
      say('timeup');
      submitNow();
    }
  }
  tick();
  setInterval(tick, 1000);
})();
