// The performance report page: interactive charts (Chart.js) drawn over the server's SVG charts, which stay
// for readers without JavaScript, and downloads that show their progress while the file is prepared.
(function () {
  'use strict';

  function drawCharts() {
    var source = document.getElementById('report-chart-data');
    if (!source || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var shown = function (id, make) {
      var canvas = document.getElementById('canvas-' + id);
      if (!canvas) { return; }
      make(canvas);
      document.getElementById('chart-' + id).classList.add('drawn');
    };
    var barOptions = { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
    shown('bands', function (canvas) {
      new Chart(canvas, { type: 'bar', options: barOptions,
        data: { labels: data.bands.labels, datasets: [{ data: data.bands.counts, backgroundColor: data.bands.colors }] } });
    });
    shown('frt', function (canvas) {
      new Chart(canvas, { type: 'bar', options: barOptions,
        data: { labels: data.frt.labels, datasets: [{ data: data.frt.counts, backgroundColor: data.frt.color }] } });
    });
    shown('weeks', function (canvas) {
      var datasets = data.weeks.series.map(function (s) {
        return { type: 'line', label: s.label, data: s.data, borderColor: s.color, backgroundColor: s.color,
          yAxisID: 'percent', spanGaps: true, order: 1 };
      });
      datasets.push({ type: 'bar', label: data.weeks.interactionsLabel, data: data.weeks.interactions, yAxisID: 'count',
        backgroundColor: 'rgba(31, 111, 235, 0.15)', order: 2 });
      new Chart(canvas, { data: { labels: data.weeks.labels, datasets: datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          scales: { percent: { type: 'linear', position: 'left', min: 0, max: 100 },
            count: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } } });
    });
  }

  function fileName(response, fallback) {
    var header = response.headers.get('Content-Disposition') || '';
    var exact = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (exact) { return decodeURIComponent(exact[1]); }
    var plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  function wireDownloads() {
    var box = document.getElementById('download-progress');
    if (!box || !window.fetch || !window.URL || !window.URL.createObjectURL) { return; }
    var bar = box.querySelector('progress');
    var text = box.querySelector('.progress-text');
    var busy = false;
    var show = function (percent, message) {
      box.hidden = false;
      bar.value = percent;
      text.textContent = message;
    };
    document.querySelectorAll('a[data-download]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) { return; }
        event.preventDefault();
        if (busy) { return; }
        busy = true;
        var format = link.textContent.trim();
        var token = 'r' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
        show(0, box.dataset.preparing.replace('{0}', format));
        var timer = setInterval(function () {
          fetch('/api/reports/progress/' + token, { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (state) {
              if (!state || state.finished) { return; }
              var step = box.dataset['step' + state.step.charAt(0).toUpperCase() + state.step.slice(1)] || '';
              show(state.percent, step.replace('{0}', String(state.done + 1)).replace('{1}', String(state.total)));
            })
            .catch(function () { /* the download itself reports failures */ });
        }, 500);
        var done = function () { clearInterval(timer); busy = false; };
        fetch(link.href + '&progress=' + token, { credentials: 'same-origin' })
          .then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            var name = fileName(response, link.dataset.download);
            return response.blob().then(function (blob) {
              var url = URL.createObjectURL(blob);
              var a = document.createElement('a');
              a.href = url;
              a.download = name;
              document.body.appendChild(a);
              a.click();
              a.remove();
              setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
              done();
              show(100, box.dataset.done);
            });
          })
          .catch(function (error) {
            done();
            show(100, box.dataset.failed.replace('{0}', error.message));
          });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    wireDownloads();
  });
})();
