// Attendance without a connection, on every page of a signed-in user:
// - the badge in the menu bar ([data-offline-queue]) says how many saved rosters wait on this phone;
// - waiting rosters are sent to the server (Roster?handler=Sync) on page load, when the connection returns and every
//   30 s while something waits; one leaves the queue only when the server has answered 200 (or refused it for good);
// - the server's report (whose marks it kept or replaced) is shown once, as a dismissible alert;
// - on a roster ([data-roster]), Save without a connection keeps the marks in the queue instead of posting.
// Texts come localized from the page's data attributes. Needs lib/idb/umd.js and js/attendance-queue.js first.
(function () {
    'use strict';
    var Q = window.LivelihoodQueue;
    var host = document.querySelector('[data-offline-queue]');
    if (!Q || !host || !('indexedDB' in window)) return;
    var badge = host.querySelector('[data-offline-count]');
    var REPORTS = 'livelihood.attendance.reports';
    var USED = 'livelihood.attendance.usedSubmissionIds';
    var RETRY_MS = 30000;
    var sending = false;

    function format(template, values) {
        return template.replace(/\{(\d+)\}/g, function (_, i) { return values[Number(i)]; });
    }

    function readList(key) {
        try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch (e) { return []; }
    }

    function writeList(key, list) {
        try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) { /* storage full or blocked: not fatal */ }
    }

    function refreshBadge() {
        return Q.count().then(function (n) {
            badge.textContent = n > 0 ? format(host.getAttribute('data-waiting'), [n]) : '';
            badge.hidden = n === 0;
            return n;
        });
    }

    function alertBox(kind, lines) {
        var box = document.createElement('div');
        box.className = 'alert alert-' + kind + ' alert-dismissible';
        box.setAttribute('role', 'status');
        box.setAttribute('data-offline-report', '');
        lines.forEach(function (line) {
            var div = document.createElement('div');
            div.textContent = line;
            box.appendChild(div);
        });
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'btn-close';
        close.setAttribute('data-bs-dismiss', 'alert');
        close.setAttribute('aria-label', host.getAttribute('data-close'));
        box.appendChild(close);
        return box;
    }

    // Reports wait in localStorage until a page shows them (the sending page, or the next one if it was left).
    function showReports() {
        var reports = readList(REPORTS);
        var main = document.querySelector('main');
        if (!reports.length || !main) return;
        reports.forEach(function (r) {
            var lines, kind = 'success';
            if (r.refused) {
                kind = 'danger';
                lines = [format(host.getAttribute('data-refused'), [r.label, r.refused])];
            } else {
                lines = [format(host.getAttribute('data-sent'), [r.label, r.saved])];
                if (r.kept && r.kept.length) { kind = 'warning'; lines.push(format(host.getAttribute('data-kept'), [r.kept.join(', ')])); }
                if (r.replaced && r.replaced.length) lines.push(format(host.getAttribute('data-replaced'), [r.replaced.join(', ')]));
            }
            main.insertBefore(alertBox(kind, lines), main.firstChild);
        });
        writeList(REPORTS, []);
    }

    function report(entry) {
        var reports = readList(REPORTS);
        reports.push(entry);
        writeList(REPORTS, reports);
    }

    function pageToken() {
        var input = document.querySelector('input[name="__RequestVerificationToken"]');
        return input ? input.value : '';
    }

    // One queued roster to the server. Resolves to true when it has left the queue.
    function send(item) {
        var tokens = [pageToken(), item.token].filter(function (t, i, all) { return t && all.indexOf(t) === i; });
        function attempt(i) {
            return fetch('/Attendance/Roster/' + item.sessionId + '?handler=Sync', {
                method: 'POST',
                credentials: 'same-origin',
                redirect: 'manual', // signed out: the sign-in page is not an answer
                headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': tokens[i] || '' },
                body: JSON.stringify({ submissionId: item.submissionId, markedAt: item.markedAt, entries: item.entries })
            }).then(function (response) {
                var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
                if (response.status === 200 && json) {
                    return response.json().then(function (outcome) {
                        report({ label: item.label, saved: outcome.saved, kept: outcome.keptNewerOnServer, replaced: outcome.replacedServerChange });
                        return Q.remove(item.submissionId).then(function () { return true; });
                    });
                }
                if (response.status === 400 && json) { // refused for good (cancelled session, unreadable marks)
                    return response.json().then(function (body) {
                        report({ label: item.label, refused: body.message || '' });
                        return Q.remove(item.submissionId).then(function () { return true; });
                    });
                }
                // 400 without JSON is a stale antiforgery token: try the other one we have.
                if (response.status === 400 && i + 1 < tokens.length) return attempt(i + 1);
                return false; // signed out, not allowed, server trouble: keep it and try again later
            });
        }
        return attempt(0);
    }

    function sendAll() {
        if (sending || !navigator.onLine) return Promise.resolve();
        sending = true;
        return Q.all().then(function (items) {
            return items.reduce(function (chain, item) {
                return chain.then(function (go) { return go && send(item).then(function () { return true; }); });
            }, Promise.resolve(true));
        }).catch(function () { /* no connection after all: the next retry sends */ })
            .then(function () {
                sending = false;
                showReports();
                return refreshBadge().then(function (n) {
                    if (n === 0) Array.prototype.forEach.call(document.querySelectorAll('[data-saved-offline]'), function (b) { b.remove(); });
                    return n;
                });
            });
    }

    // ---- the roster page ----
    var form = document.querySelector('form[data-roster]');
    function rosterPage() {
        var idInput = form.querySelector('input[name="submissionId"]');
        var sessionId = Number(form.getAttribute('data-session-id'));
        var label = form.getAttribute('data-session-label') || '';
        var used = readList(USED);

        // A kept copy of the page may carry an id already sent: each save needs its own.
        if (used.indexOf(idInput.value) >= 0) idInput.value = Q.newId();
        function markUsed(id) {
            var list = readList(USED).filter(function (x) { return x !== id; });
            list.push(id);
            writeList(USED, list.slice(-200));
        }

        function savedHere() {
            var box = form.parentNode.querySelector('[data-saved-offline]');
            if (!box) {
                box = alertBox('info', [form.getAttribute('data-saved-offline-text')]);
                box.setAttribute('data-saved-offline', '');
                form.parentNode.insertBefore(box, form);
            }
            box.scrollIntoView({ block: 'nearest' });
        }

        // Marks waiting on this phone are shown on the roster, so the trainer sees what they saved.
        Q.all().then(function (items) {
            var mine = items.filter(function (i) { return i.sessionId === sessionId; })
                .sort(function (a, b) { return a.markedAt < b.markedAt ? -1 : 1; });
            if (!mine.length) return;
            mine.forEach(function (item) {
                item.entries.forEach(function (e) {
                    var radio = form.querySelector('input[name="marks[' + e.enrollmentId + ']"][value="' + e.mark + '"]');
                    if (radio) radio.checked = true;
                    var note = form.querySelector('input[name="notes[' + e.enrollmentId + ']"]');
                    if (note) note.value = e.note || '';
                });
                if (!item.label && label) { item.label = label; Q.add(item); } // queued by the service worker
            });
            form.dispatchEvent(new Event('change', { bubbles: true })); // roster.js recounts
            savedHere();
        });

        form.addEventListener('submit', function (event) {
            markUsed(idInput.value);
            if (navigator.onLine) return; // posts as usual; if the post cannot get through, the service worker queues it
            event.preventDefault();
            var item = Q.fromForm(new FormData(form), sessionId, label);
            Q.add(item).then(function () {
                idInput.value = Q.newId(); // a further save from this page is a new submission
                savedHere();
                return refreshBadge();
            });
        });
    }
    if (form) rosterPage();

    if (Q.channel) Q.channel.onmessage = function () { refreshBadge(); };
    window.addEventListener('online', sendAll);
    setInterval(function () { Q.count().then(function (n) { if (n > 0) sendAll(); }); }, RETRY_MS);
    showReports();
    refreshBadge().then(function (n) { if (n > 0) sendAll(); });
})();
