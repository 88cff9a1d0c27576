// Scorecard charts (Chart.js): the weekly trend and the rating bands. The tables on the page hold the same
// figures, so the page is complete without JavaScript.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var source = document.getElementById('chart-data');
    if (!source || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var css = getComputedStyle(document.documentElement);
    var color = function (name, fallback) { return (css.getPropertyValue(name) || fallback).trim(); };

    var trend = document.getElementById('trend-chart');
    if (trend) {
      var d = trend.dataset;
      // a week the period or today cuts short is labelled partial and its bar drawn lighter: few contacts, not a dip
      var labels = data.weeks.map(function (w) { return w.partial ? w.from + ' (' + d.labelPartial + ')' : w.from; });
      var barColors = data.weeks.map(function (w) { return w.partial ? 'rgba(31, 111, 235, 0.07)' : 'rgba(31, 111, 235, 0.18)'; });
      var targetLine = function (key, label, colour) {
        var t = data.targets && data.targets[key];
        if (t === null || t === undefined) { return null; }
        return { type: 'line', label: label + ' · ' + d.labelTarget, data: data.weeks.map(function () { return Number(t); }),
          yAxisID: 'percent', borderColor: colour, borderDash: [6, 4], borderWidth: 1, pointRadius: 0, order: 0 };
      };
      var pick = function (key) { return data.weeks.map(function (w) { return w[key] === null ? null : Number(w[key]); }); };
      new Chart(trend, {
        data: {
          labels: labels,
          datasets: [
            { type: 'bar', label: d.labelInteractions, data: pick('interactions'), yAxisID: 'count',
              backgroundColor: barColors, order: 2 },
            { type: 'line', label: d.labelFirstResponse, data: pick('firstResponseSla'), yAxisID: 'percent',
              borderColor: color('--brand', '#1f6feb'), spanGaps: true, order: 1 },
            { type: 'line', label: d.labelResolution, data: pick('resolutionSla'), yAxisID: 'percent',
              borderColor: color('--warn', '#9a6700'), spanGaps: true, order: 1 },
            { type: 'line', label: d.labelCsat, data: pick('csat'), yAxisID: 'percent',
              borderColor: color('--ok', '#1a7f37'), spanGaps: true, order: 1 },
            targetLine('firstResponseSla', d.labelFirstResponse, color('--brand', '#1f6feb')),
            targetLine('resolutionSla', d.labelResolution, color('--warn', '#9a6700')),
            targetLine('csat', d.labelCsat, color('--ok', '#1a7f37'))
          ].filter(function (x) { return x !== null; })
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: {
            percent: { type: 'linear', position: 'left', min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } },
            count: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }
          }
        }
      });
    }

    var bands = document.getElementById('bands-chart');
    if (bands) {
      new Chart(bands, {
        type: 'bar',
        data: {
          labels: bands.dataset.labels.split('|'),
          datasets: [{ data: data.bands, backgroundColor: [color('--band-vs', '#1a7f37'), color('--band-s', '#54ae76'),
            color('--band-n', '#d4a72c'), color('--band-d', '#e16f24'), color('--band-vd', '#cf222e')] }]
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
  });
})();
