// Small progressive enhancements; every page works without them.
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]');

  // Calls to /api/** from the page carry the CSRF token in a header.
  window.scFetch = function (url, options) {
    options = options || {};
    options.headers = options.headers || {};
    options.credentials = 'same-origin';
    if (token && options.method && options.method !== 'GET') {
      options.headers['X-CSRF-Token'] = token.getAttribute('content');
    }
    return fetch(url, options);
  };

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });

    // The pager's "go to page" box: shown only with scripts, it opens page n (the URLs count from 0).
    document.querySelectorAll('form.page-jump').forEach(function (form) {
      form.hidden = false;
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var pages = parseInt(form.getAttribute('data-pages'), 10);
        var n = Math.min(Math.max(parseInt(form.elements.jump.value, 10) || 1, 1), pages);
        window.location.href = form.getAttribute('data-href') + (n - 1);
      });
    });

    // Tables marked "sortable" sort in the browser when a header is clicked.
    document.querySelectorAll('table.sortable').forEach(function (table) {
      table.querySelectorAll('thead th').forEach(function (th, index) {
        th.style.cursor = 'pointer';
        th.tabIndex = 0;
        var sort = function () {
          var body = table.tBodies[0];
          var asc = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = (a.cells[index].getAttribute('data-value') || a.cells[index].textContent).trim();
            var y = (b.cells[index].getAttribute('data-value') || b.cells[index].textContent).trim();
            var nx = parseFloat(x), ny = parseFloat(y);
            var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
            return asc ? cmp : -cmp;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        };
        th.addEventListener('click', sort);
        th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(); } });
      });
    });
  });
})();
