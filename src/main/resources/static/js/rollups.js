// Keeps the stored figures' status up to date while a rebuild runs; the button starts a check at once.
(function () {
  var box = document.getElementById('rollup-status');
  if (!box) { return; }
  var state = document.getElementById('rollup-state');
  var bar = document.getElementById('rollup-progress');
  var agents = document.getElementById('rollup-agents');
  var words = {
    current: box.getAttribute('data-current'), building: box.getAttribute('data-building'),
    stale: box.getAttribute('data-stale'), none: box.getAttribute('data-none')
  };
  var agentsText = box.getAttribute('data-agents');
  function show(s) {
    state.textContent = words[s.status] || s.status;
    bar.value = s.percentDone == null ? 0 : s.percentDone;
    agents.textContent = agentsText.replace('{0}', s.agentsDone).replace('{1}', s.agentsTotal);
  }
  function poll() {
    fetch(box.getAttribute('data-status-url'), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (s) { show(s); if (s.status !== 'current') { setTimeout(poll, 2000); } })
      .catch(function () { setTimeout(poll, 5000); });
  }
  document.getElementById('rollup-rebuild').addEventListener('submit', function (e) {
    e.preventDefault();
    window.scFetch('/api/rollups/rebuild', { method: 'POST', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); }).then(function (s) { show(s); setTimeout(poll, 1000); });
  });
  poll();
})();
