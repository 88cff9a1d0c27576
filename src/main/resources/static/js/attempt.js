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
    var inputs = fs.querySelectorAll('input, textarea, select');
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
  submitForm.addEventListener('submit', function (e) { e.preventDefault(); submitNow(); });

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
