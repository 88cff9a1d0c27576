// Item analysis chart: facility and discrimination per question, drawn with Chart.js from the page's data.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var canvas = document.getElementById('facility-chart');
    if (!canvas || typeof window.Chart === 'undefined') { return; }
    var read = function (name) { return JSON.parse(canvas.getAttribute(name)); };
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: read('data-labels'),
        datasets: [
          { label: canvas.getAttribute('data-facility-label'), data: read('data-facility'), backgroundColor: '#2f6fb3' },
          { label: canvas.getAttribute('data-discrimination-label'), data: read('data-discrimination'), backgroundColor: '#e0a030' }
        ]
      },
      options: {
        animation: false,
        scales: { y: { min: -1, max: 1 } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  });
})();
