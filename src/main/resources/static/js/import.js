// The interaction upload page: registers the import, streams the file as the request body with a progress
// bar (bytes sent by the browser, then rows read and stored by the server, polled every half second), and
// shows the result. Without this script the form posts the file as multipart and shows the result page.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('import-form');
    if (!form || !window.XMLHttpRequest || !window.fetch) { return; }
    var panel = document.getElementById('import-progress');
    var bar = document.getElementById('import-bar');
    var status = document.getElementById('import-status');
    var token = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
    var text = function (key, values) {
      var t = panel.dataset[key] || '';
      Object.keys(values || {}).forEach(function (k) { t = t.split('{' + k + '}').join(values[k]); });
      return t;
    };
    var fmt = function (n) { return Number(n).toLocaleString(); };
    var show = function (job, size) {
      ['received', 'inserted', 'updated', 'unchanged', 'rejected'].forEach(function (k) {
        document.getElementById('n-' + k).textContent = fmt(job[k]);
      });
      if (size > 0 && job.bytesRead > 0) {
        bar.value = Math.min(100, Math.floor(job.bytesRead * 100 / size));
      }
      var stored = job.inserted + job.updated + job.unchanged;
      if (job.status === 'waiting') {
        status.textContent = text('textWaiting');
      } else if (job.status === 'running') {
        status.textContent = text('textReading', { read: fmt(job.received), stored: fmt(stored), rejected: fmt(job.rejected) });
      } else if (job.status === 'done') {
        bar.value = 100;
        status.textContent = text('textDone', { read: fmt(job.received), stored: fmt(stored), rejected: fmt(job.rejected) });
      } else if (job.status === 'rejected') {
        status.textContent = text('textRejected') + ' ' + (job.message || '');
      } else {
        status.textContent = text('textFailed') + ' ' + (job.message || '');
      }
      panel.dataset.status = job.status;
    };
    var finish = function (job) {
      var links = document.getElementById('import-links');
      document.getElementById('import-result-link').href = '/interactions/imports/' + job.id;
      var rejected = document.getElementById('import-rejected-link');
      rejected.href = '/interactions/imports/' + job.id + '/rejected.csv';
      rejected.hidden = !(job.rejected > 0);
      links.hidden = false;
      document.getElementById('import-submit').disabled = false;
      // The result page and the upload page are told in the reader's language by the server: take the first
      // rejected rows from the one and the refreshed "Recent imports" from the other.
      var page = function (url) {
        return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
          .then(function (r) { return r.text(); })
          .then(function (html) { return new DOMParser().parseFromString(html, 'text/html'); });
      };
      var first = document.getElementById('import-first-errors');
      first.hidden = true;
      if (job.rejected > 0) {
        page('/interactions/imports/' + job.id).then(function (doc) {
          var table = doc.getElementById('import-errors');
          if (!table) { return; }
          var rows = Array.prototype.slice.call(table.tBodies[0].rows, 0, 10);
          var body = first.querySelector('tbody');
          body.textContent = '';
          rows.forEach(function (row) { body.appendChild(document.importNode(row, true)); });
          first.querySelector('.more').hidden = !(job.rejected > rows.length);
          first.hidden = false;
        });
      }
      page('/interactions/import').then(function (doc) {
        var fresh = doc.getElementById('recent-imports');
        var current = document.getElementById('recent-imports');
        if (fresh && current) { current.replaceWith(document.importNode(fresh, true)); }
      });
    };

    form.addEventListener('submit', function (event) {
      var file = document.getElementById('file').files[0];
      if (!file) { return; }
      event.preventDefault();
      document.getElementById('import-submit').disabled = true;
      document.getElementById('import-links').hidden = true;
      document.getElementById('import-first-errors').hidden = true;
      panel.hidden = false;
      bar.value = 0;
      status.textContent = text('textWaiting');
      scFetch('/api/interactions/imports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ fileName: file.name, charset: form.charset.value, source: form.source.value,
          mapping: form.mapping ? form.mapping.value : '' })
      }).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (job) {
        show(job, file.size);
        var done = false;
        var poll = function () {
          if (done) { return; }
          fetch('/api/interactions/imports/' + job.id, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.json(); })
            .then(function (j) { if (!done) { show(j, file.size); setTimeout(poll, 500); } })
            .catch(function () { if (!done) { setTimeout(poll, 1000); } });
        };
        setTimeout(poll, 300);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', '/api/interactions/imports/' + job.id + '/upload');
        xhr.setRequestHeader('Content-Type', 'text/csv');
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('X-CSRF-Token', token);
        xhr.upload.onprogress = function (e) {
          if (e.lengthComputable && panel.dataset.status !== 'done') {
            bar.value = Math.max(bar.value, Math.floor(e.loaded * 100 / e.total) - 1);
          }
        };
        xhr.onload = function () {
          done = true;
          var result;
          try { result = JSON.parse(xhr.responseText); } catch (e) { result = null; }
          if (result && result.id) {
            show(result, file.size);
            finish(result);
          } else {
            status.textContent = text('textFailed') + ' ' + ((result && result.message) || xhr.status);
            document.getElementById('import-submit').disabled = false;
          }
        };
        xhr.onerror = function () {
          done = true;
          status.textContent = text('textFailed');
          document.getElementById('import-submit').disabled = false;
        };
        xhr.send(file);
      }).catch(function (e) {
        status.textContent = text('textFailed') + ' ' + e.message;
        document.getElementById('import-submit').disabled = false;
      });
    });
  });
})();
